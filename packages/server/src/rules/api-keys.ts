// API key rows written through OData: only name, description and expiry date may change, within the real limits.
import { hooks } from '@balena/pinejs';
import { API_ROOT, badRequest } from './hook-utils.js';

const LIMITS = { name: 50, description: 150 } as const;

/**
 * Registers the api_key write hooks: length limits, and no changes to the key digest or owner.
 * @throws Error when the model lacks the api_key resource
 * @example
 * registerApiKeyRules();
 */
export function registerApiKeyRules(): void {
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'api_key', {
      POSTPARSE: ({ request }) => {
        const { values } = request;
        delete values.key;
        delete values.is_of__actor;
        for (const [field, max] of Object.entries(LIMITS)) {
          const value = values[field];
          if (typeof value === 'string' && value.length > max) {
            badRequest(
              `It is necessary that each api key that has a ${field}, has a ${field} that has a Length (Type) that is less than or equal to ${max}.`,
            );
          }
        }
      },
    });
  }
}
