/**
 * The `$expand` option: a navigation name, an array of expands, or an object mapping each
 * navigation to its nested options (`$select`, `$filter`, `$expand`, `$orderby`, `$top`,
 * `$skip`, or `$count` to expand to a row count).
 */
import { compileNavigationOptions } from './options.js';
import { escapeResourcePath, isObjectLike, isPrimitive, ownEntries } from './values.js';

/**
 * Compiles an `$expand` value.
 *
 * @param expand - a name, a non-empty array, or an object of navigation → options.
 * @returns the comma-separated expand text.
 * @throws {Error} when a navigation's options are missing, primitive, an array, or misplaced.
 * @example
 * compileExpand({ owns__device: { $select: 'id', $top: 1 } }); // 'owns__device($select=id;$top=1)'
 */
export function compileExpand(expand: unknown): string {
  if (isPrimitive(expand)) {
    return escapeResourcePath(expand);
  }
  if (Array.isArray(expand)) {
    if (expand.length < 1) {
      throw new Error(
        `Expand arrays must have at least 1 elements, got: ${JSON.stringify(expand)}`,
      );
    }
    return expand.map((entry: unknown) => compileExpand(entry)).join(',');
  }
  if (isObjectLike(expand)) {
    return ownEntries(expand)
      .map(([navigation, options]) => compileExpandEntry(navigation, options))
      .join(',');
  }
  throw new Error(`Unknown type for expand '${typeof expand}'`);
}

function compileExpandEntry(navigation: string, options: unknown): string {
  if (navigation.startsWith('$')) {
    throw new Error('Cannot have expand options without first expanding something!');
  }
  if (options == null) {
    throw new Error(`Expand object values must not be null, got null for ${navigation}`);
  }
  if (isPrimitive(options)) {
    const json = JSON.stringify(options);
    throw new Error(
      `'$expand: ${navigation}: ${json}' is invalid, use '$expand: ${navigation}: $expand: ${json}' instead.`,
    );
  }
  if (Array.isArray(options)) {
    throw new Error(
      `'$expand: ${navigation}: [...]' is invalid, use '$expand: ${navigation}: {...}' instead.`,
    );
  }
  if (navigation.endsWith('/$count')) {
    throw new Error(
      "`$expand: { 'a/$count': {...} }` has been removed, please use `$expand: { a: { $count: {...} } }` instead.",
    );
  }
  return compileNavigationOptions('$expand', options, navigation);
}
