/**
 * The one batching helper for operations on many rows given by id or uuid (device and
 * application `remove`, device `move`, `pinToRelease`, ...), as the official SDK batches them:
 *
 * 1. validate the input: an id, a uuid string, or a non-empty array of only ids or only full uuids;
 * 2. look the rows up, one `GET` per chunk (`requestBatchingChunkSize`: `numericId` ids or
 *    `stringId` uuids per request), selecting `id` (+ uuid, + the group-by field);
 * 3. fail with the NotFound error of the first missing member (Ambiguous for a string matching
 *    several rows);
 * 4. run the mutation once per owner group and per ≤ `numericId` ids, sequentially.
 */
import { BalenaInvalidParameterError } from '../errors/index.js';
import type { Filter, ODataOptionsWithoutCount, PineRequestOptions } from '../pine/index.js';
import type { RequestBatchingChunkSize } from '../config.js';
import { untypedPine, type BalenaPine, type ResourceName } from './collection.js';
import { isFullUuid, isId } from './ids.js';

/** The input of a batch operation. */
export type BatchInput = number | string | number[] | string[];

/** One looked-up row: its id, uuid (when looked up by uuid) and group (when grouped). */
export interface BatchRow {
  id: number;
  uuid?: string;
  group?: number;
  /** The whole looked-up row (with the spec's `lookupOptions` fields). */
  data: Record<string, unknown>;
}

/** What a batch operation works on. */
export interface BatchSpec {
  pine: BalenaPine;
  /** The resource, e.g. `device`. */
  resource: ResourceName;
  /** The caller's parameter name, for `BalenaInvalidParameterError`. */
  paramName: string;
  /** Chunk sizes (`config.requestBatchingChunkSize`). */
  chunkSize: Readonly<RequestBatchingChunkSize>;
  /** The field string identifiers are matched against (default `uuid`). */
  stringField?: string;
  /** A navigation field the mutation is grouped by (e.g. `belongs_to__application`). */
  groupByField?: string;
  /** The lookup order (e.g. `device_name asc`); ids in each chunk keep this order. */
  orderBy?: string;
  /** An extra `$filter` every looked-up row must match. */
  filter?: Filter;
  /** Extra fields of the lookup (`$select` list, `$expand`), for checks before the mutation. */
  lookupOptions?: { $select?: string[]; $expand?: ODataOptionsWithoutCount['$expand'] };
  /** Checks every looked-up row before the first mutation (e.g. architecture compatibility). */
  beforeMutate?: (rows: BatchRow[]) => void | Promise<void>;
  /** The error for a missing member. */
  notFound: (member: string | number) => Error;
  /** The error for a single string matching several rows. */
  ambiguous?: (member: string) => Error;
}

/**
 * Looks up the rows of a batch input and runs `mutate` per group and chunk of ids.
 *
 * @param spec - the resource, chunk sizes, grouping and errors.
 * @param input - an id, a uuid, or a non-empty array of ids or of full uuids.
 * @param mutate - called with the ids of one chunk (and the group id when grouped).
 * @param callOptions - `signal`, `headers`, `timeout` for the lookups.
 * @returns the rows found, in lookup order.
 * @throws {BalenaInvalidParameterError} for invalid input, before any request; the spec's
 * NotFound/Ambiguous errors; errors of `mutate`.
 * @example
 * await runBatched(spec, [1, 2, 3], (ids) =>
 *   pine.delete({ resource: 'application', options: { $filter: { id: { $in: ids } } } }));
 */
export async function runBatched(
  spec: BatchSpec,
  input: BatchInput,
  mutate: (ids: number[], group: number | undefined) => Promise<void>,
  callOptions?: PineRequestOptions,
): Promise<BatchRow[]> {
  const members = validateBatchInput(input, spec.paramName);
  const rows = await lookUpMembers(spec, members, Array.isArray(input), callOptions);
  checkAllFound(spec, input, members, rows);
  await spec.beforeMutate?.(rows);
  const groups = new Map<number | undefined, number[]>();
  for (const row of rows) {
    const ids = groups.get(row.group) ?? [];
    ids.push(row.id);
    groups.set(row.group, ids);
  }
  for (const [group, ids] of groups) {
    for (const chunk of chunks(ids, spec.chunkSize.numericId)) {
      await mutate(chunk, group);
    }
  }
  return rows;
}

/**
 * Checks a batch input's shape.
 *
 * @param input - the caller's input.
 * @param paramName - the parameter name for the error.
 * @returns the members as an array of ids or of strings.
 * @throws {BalenaInvalidParameterError} for `''`, `[]`, mixed arrays, non-ids, short uuids in arrays.
 * @example
 * validateBatchInput([1, 2], 'uuidOrIdOrArray'); // [1, 2]
 */
export function validateBatchInput(input: unknown, paramName: string): number[] | string[] {
  if (isId(input)) {
    return [input];
  }
  if (typeof input === 'string' && input.length > 0) {
    return [input];
  }
  if (Array.isArray(input) && input.length > 0) {
    if (input.every(isId)) {
      return input;
    }
    if (input.every(isFullUuid)) {
      return input;
    }
  }
  throw new BalenaInvalidParameterError(paramName, input);
}

async function lookUpMembers(
  spec: BatchSpec,
  members: number[] | string[],
  asArray: boolean,
  callOptions: PineRequestOptions | undefined,
): Promise<BatchRow[]> {
  const byString = typeof members[0] === 'string';
  const field = byString ? (spec.stringField ?? 'uuid') : 'id';
  const size = byString ? spec.chunkSize.stringId : spec.chunkSize.numericId;
  const $select = [
    'id',
    // Upstream selects the string field only for arrays (a single string needs no membership check).
    ...(byString && asArray ? [field] : []),
    ...(spec.groupByField ? [spec.groupByField] : []),
    ...(spec.lookupOptions?.$select ?? []),
  ];
  const $expand = spec.lookupOptions?.$expand;
  const found: BatchRow[] = [];
  for (const chunk of chunks<number | string>(members, size)) {
    const memberFilter = asArray ? { [field]: { $in: chunk } } : { [field]: chunk[0] };
    const $filter =
      spec.filter === undefined ? memberFilter : { $and: [memberFilter, spec.filter] };
    // Upstream's key order: the model's `$orderby` default, then `$select`, then `$filter`.
    const rows = await untypedPine(spec.pine).get(
      {
        resource: spec.resource,
        options: {
          ...(spec.orderBy ? { $orderby: spec.orderBy } : {}),
          $select,
          $filter,
          ...($expand === undefined ? {} : { $expand }),
        },
      },
      callOptions,
    );
    for (const row of rows) {
      found.push(toBatchRow(row, byString && asArray ? field : undefined, spec.groupByField));
    }
  }
  return found;
}

function toBatchRow(row: Record<string, unknown>, field?: string, groupByField?: string): BatchRow {
  const result: BatchRow = { id: Number(row.id), data: row };
  if (field !== undefined) {
    result.uuid = String(row[field]);
  }
  if (groupByField !== undefined) {
    const group = row[groupByField];
    result.group =
      typeof group === 'object' && group !== null && '__id' in group
        ? Number(group.__id)
        : Number(group);
  }
  return result;
}

function checkAllFound(
  spec: BatchSpec,
  input: BatchInput,
  members: number[] | string[],
  rows: BatchRow[],
): void {
  if (rows.length === 0) {
    throw spec.notFound(Array.isArray(input) ? input.toString() : input);
  }
  if (typeof input === 'string') {
    if (rows.length > 1) {
      throw (spec.ambiguous ?? spec.notFound)(input);
    }
    return;
  }
  const seen = new Set<string | number>(rows.map((row) => row.uuid ?? row.id));
  for (const member of members) {
    if (!seen.has(member)) {
      throw spec.notFound(member);
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
