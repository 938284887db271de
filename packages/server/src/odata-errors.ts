// Makes pinejs answer 400 (not 500) when a URL names unknown fields or navigations it cannot translate.
import { errors } from '@balena/pinejs';

const UNTRANSLATABLE_QUERY_MESSAGE =
  'Invalid query: it names an unknown field or navigation, or compares values of incompatible types';

let installed = false;

/**
 * Re-classes pinejs's `TranslationError` as a 400 Bad Request with a readable message.
 *
 * pinejs throws it when `$filter`, `$select`, `$expand` or `$orderby` refer to something the model lacks,
 * and by default reports it as an internal error (500).
 * @example
 * treatUntranslatableQueriesAsBadRequests();
 */
export function treatUntranslatableQueriesAsBadRequests(): void {
  if (installed) return;
  installed = true;
  const prototype = errors.TranslationError.prototype;
  Object.setPrototypeOf(prototype, errors.BadRequestError.prototype);
  Object.defineProperty(prototype, 'status', { value: 400, writable: true, configurable: true });
  Object.defineProperty(prototype, 'getResponseBody', {
    value: () => UNTRANSLATABLE_QUERY_MESSAGE,
    writable: true,
    configurable: true,
  });
}
