/**
 * The pine (OData) client: query compiler, typed results and the `sdk.pine` object.
 */
export { createPineClient } from './client';
export { compileUrl, type CompilableParams } from './compile';
export { DEFAULT_PAGE_SIZE, DEFAULT_STABLE_ORDER } from './paging';
export { DEFAULT_POLL_INTERVAL_MS } from './subscription';
export type {
  BaseParams,
  GetParams,
  IterateOptions,
  NaturalKeyParams,
  PineClientConfig,
  PineRequestOptions,
  PineSubscription,
  PineTransport,
  PineTransportRequest,
  PreparedRequest,
  ReadOf,
  RequestParams,
  WriteOf,
  WriteParams,
} from './client-types';
export type { PineClient } from './client-interface';
export type {
  AnyModel,
  AnyRow,
  CountOptions,
  Deferred,
  DurationValue,
  ExpandObject,
  ExpandOption,
  Filter,
  FilterObject,
  ModelShape,
  NavigationKeyOf,
  NavigationTarget,
  NestedOptions,
  ODataMethod,
  ODataOptions,
  ODataOptionsWithoutCount,
  OrderByDirection,
  OrderByOption,
  ParameterAliasRef,
  PinePassthrough,
  ResourceId,
  ResourceShape,
  SelectOption,
  StringKeyOf,
} from './query-types';
export type {
  CreatedRow,
  ExpandedKeys,
  GetResult,
  HasId,
  OptionsOf,
  RowResult,
  SelectedKeys,
} from './result-types';
export type { Primitive } from './values';
