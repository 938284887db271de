/**
 * `sdk.models.device.history`: the device history rows the API keeps for every change of a
 * device's fleet, release, OS or supervisor (kept after the device is deleted).
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, isFullUuid, isId, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';

/** The time range of a history read: `fromDate` defaults to seven days ago. */
export interface HistoryTimeRange {
  fromDate?: Date | null;
  toDate?: Date | null;
}

type HistoryOptions = ResourceOptions<'device_history'>;
type HistoryRow<O> = ResultRow<'device_history', O>;
type NoOptions = Record<never, never>;

const DEFAULT_HISTORY_MS = 7 * 24 * 60 * 60 * 1000;

function timeRangeFilter({
  fromDate = new Date(Date.now() - DEFAULT_HISTORY_MS),
  toDate,
}: HistoryTimeRange = {}): Record<string, Filter> {
  const range: Record<string, Date> = {};
  if (fromDate != null) {
    if (!(fromDate instanceof Date)) throw new BalenaInvalidParameterError('fromDate', fromDate);
    range.$ge = fromDate;
  }
  if (toDate != null) {
    if (!(toDate instanceof Date)) throw new BalenaInvalidParameterError('toDate', toDate);
    range.$le = toDate;
  }
  return Object.keys(range).length > 0 ? { created_at: range } : {};
}

function deviceFilter(uuidOrId: UuidOrId, range: HistoryTimeRange | undefined): Filter {
  const $filter = timeRangeFilter(range);
  if (isId(uuidOrId)) return { ...$filter, tracks__device: uuidOrId };
  if (!isFullUuid(uuidOrId)) throw new BalenaInvalidParameterError('uuidOrId', uuidOrId);
  return { ...$filter, uuid: uuidOrId };
}

/**
 * Builds `history` of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the namespace.
 * @throws {Error} never at build time.
 * @example
 * const history = createDeviceHistory(ctx);
 */
export function createDeviceHistory(ctx: SdkModelContext) {
  const { pine } = ctx;
  const fleetFilter = async (
    slugOrUuidOrId: string | number,
    range: HistoryTimeRange | undefined,
    callOptions?: PineRequestOptions,
  ): Promise<Filter> => {
    const $filter = timeRangeFilter(range);
    const id = await resolveId(pine, APPLICATION_LOOKUP, slugOrUuidOrId, callOptions);
    return { ...$filter, belongs_to__application: id };
  };

  return {
    /**
     * The history rows of one device (no lookup: a deleted device's rows are still found).
     *
     * @param uuidOrId - the device id or full uuid.
     * @param range - `fromDate` (default: seven days ago) and `toDate`, as `Date`s.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the rows.
     * @throws {BalenaInvalidParameterError} for a non-Date bound or an invalid identifier.
     * @example
     * const rows = await sdk.models.device.history.getAllByDevice(123, { fromDate: new Date(0) });
     */
    async getAllByDevice<const O extends HistoryOptions = NoOptions>(
      uuidOrId: UuidOrId,
      range?: HistoryTimeRange,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<HistoryRow<O>>> {
      const $filter = deviceFilter(uuidOrId, range);
      return getCollection(pine, 'device_history', { $filter }, options, callOptions);
    },

    /**
     * Pages through the history rows of one device, oldest first.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param range - `fromDate` (default: seven days ago) and `toDate`, as `Date`s.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the rows.
     * @throws {BalenaInvalidParameterError} for a non-Date bound or an invalid identifier.
     * @example
     * for await (const row of sdk.models.device.history.iterateAllByDevice(123)) console.log(row.created_at);
     */
    iterateAllByDevice<const O extends HistoryOptions = NoOptions>(
      uuidOrId: UuidOrId,
      range?: HistoryTimeRange,
      options?: O,
      iterateOptions?: IterateOptions,
    ): AsyncIterableIterator<HistoryRow<O>> {
      const defaults = { $filter: deviceFilter(uuidOrId, range), $orderby: 'created_at asc' };
      return iterateCollection(pine, 'device_history', defaults, options, iterateOptions);
    },

    /**
     * Counts the history rows of one device.
     *
     * @param uuidOrId - the device id or full uuid.
     * @param range - `fromDate` (default: seven days ago) and `toDate`, as `Date`s.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of rows.
     * @throws {BalenaInvalidParameterError} for a non-Date bound or an invalid identifier.
     * @example
     * const n = await sdk.models.device.history.countAllByDevice(123);
     */
    countAllByDevice(
      uuidOrId: UuidOrId,
      range?: HistoryTimeRange,
      options?: { $filter?: Filter },
      callOptions?: PineRequestOptions,
    ): Promise<number> {
      const $filter = deviceFilter(uuidOrId, range);
      return countCollection(pine, 'device_history', { $filter }, options, callOptions);
    },

    /**
     * The history rows of every device of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param range - `fromDate` (default: seven days ago) and `toDate`, as `Date`s.
     * @param options - pine options merged with the defaults.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the rows.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @throws {BalenaInvalidParameterError} for a non-Date bound.
     * @example
     * const rows = await sdk.models.device.history.getAllByApplication('myorg/myfleet');
     */
    async getAllByApplication<const O extends HistoryOptions = NoOptions>(
      slugOrUuidOrId: string | number,
      range?: HistoryTimeRange,
      options?: O,
      callOptions?: PineRequestOptions,
    ): Promise<Array<HistoryRow<O>>> {
      const $filter = await fleetFilter(slugOrUuidOrId, range, callOptions);
      return getCollection(pine, 'device_history', { $filter }, options, callOptions);
    },

    /**
     * Pages through the history rows of every device of a fleet, oldest first.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param range - `fromDate` (default: seven days ago) and `toDate`, as `Date`s.
     * @param options - pine options merged with the defaults.
     * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
     * @returns an async iterator over the rows.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * for await (const row of sdk.models.device.history.iterateAllByApplication(5)) console.log(row.uuid);
     */
    async *iterateAllByApplication<const O extends HistoryOptions = NoOptions>(
      slugOrUuidOrId: string | number,
      range?: HistoryTimeRange,
      options?: O,
      iterateOptions?: IterateOptions,
    ): AsyncIterableIterator<HistoryRow<O>> {
      const $filter = await fleetFilter(slugOrUuidOrId, range, iterateOptions);
      const defaults = { $filter, $orderby: 'created_at asc' };
      yield* iterateCollection(pine, 'device_history', defaults, options, iterateOptions);
    },

    /**
     * Counts the history rows of every device of a fleet.
     *
     * @param slugOrUuidOrId - the fleet id, slug or uuid.
     * @param range - `fromDate` (default: seven days ago) and `toDate`, as `Date`s.
     * @param options - an optional `$filter`.
     * @param callOptions - `signal`, `headers`, `timeout`.
     * @returns the number of rows.
     * @throws {BalenaApplicationNotFound} when the fleet does not exist.
     * @example
     * const n = await sdk.models.device.history.countAllByApplication(5);
     */
    async countAllByApplication(
      slugOrUuidOrId: string | number,
      range?: HistoryTimeRange,
      options?: { $filter?: Filter },
      callOptions?: PineRequestOptions,
    ): Promise<number> {
      const $filter = await fleetFilter(slugOrUuidOrId, range, callOptions);
      return countCollection(pine, 'device_history', { $filter }, options, callOptions);
    },
  };
}
