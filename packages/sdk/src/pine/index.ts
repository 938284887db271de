/**
 * The pine (OData) client: query compiler, typed results and the `sdk.pine` object.
 */
export { createPineClient, type PineClientExtension } from './client.js';
export { createPinejsCompatibleClient } from './pinejs-compatible-client.js';
export { compileUrl, type CompilableParams } from './compile.js';
export { getMany, getOne } from './typed.js';
export { DEFAULT_PAGE_SIZE, DEFAULT_STABLE_ORDER } from './paging.js';
export { DEFAULT_POLL_INTERVAL_MS } from './subscription.js';
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
} from './client-types.js';
export type { PineClient } from './client-interface.js';
export type {
  PineClientInternals,
  PinejsCompatibleClient,
  PinejsCompatibleClientConfig,
} from './client-internals.js';
export type { RetryParameters, RetryParametersObject } from './retry.js';
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
} from './query-types.js';
export type {
  CreatedRow,
  ExpandedKeys,
  GetResult,
  HasId,
  OptionsOf,
  RowResult,
  SelectedKeys,
} from './result-types.js';
export type { Primitive } from './values.js';
