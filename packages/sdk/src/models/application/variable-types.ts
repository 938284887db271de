/**
 * The public types of `sdk.models.application.tags`, `.configVar`, `.envVar` and `.buildVar`. The
 * members are documented once on generic interfaces; each namespace redeclares them with its own
 * resource so that reference pages and editors show concrete option and row types (the
 * documentation is inherited from the generic declaration).
 */
import type { ResourceName, ResourceOptions, ResultRow } from '../../internal/collection.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';

/** The listings of a fleet tag or variable kind, documented once for all four. */
export interface FleetEntries<T extends ResourceName> {
  /**
   * Every entry of a fleet, ordered by key.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the entries.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const vars = await sdk.models.application.envVar.getAllByApplication('myorg/myfleet');
   */
  getAllByApplication<const O extends ResourceOptions<T> = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ResultRow<T, O>>>;

  /**
   * Pages through the entries of a fleet (the iterator sibling of `getAllByApplication`).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the entries.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * for await (const tag of sdk.models.application.tags.iterateAllByApplication(123)) console.log(tag.tag_key);
   */
  iterateAllByApplication<const O extends ResourceOptions<T> = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ResultRow<T, O>>;

  /**
   * Counts the entries of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of entries.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const n = await sdk.models.application.tags.countAllByApplication(123);
   */
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
}

/** The members of a fleet variable namespace, documented once for the three. */
export interface FleetVariables<T extends ResourceName> extends FleetEntries<T> {
  /**
   * The value of one variable of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param key - the variable name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the value, or `undefined` when the variable is not set.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const value = await sdk.models.application.envVar.get('myorg/myfleet', 'VAR');
   */
  get(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;

  /**
   * Creates or updates one variable of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param key - the variable name.
   * @param value - the value.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaRequestError} when the API rejects the name or value.
   * @example
   * await sdk.models.application.envVar.set('myorg/myfleet', 'EDITOR', 'vim');
   */
  set(
    slugOrUuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Deletes one variable of a fleet (no error when it does not exist).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param key - the variable name.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.envVar.remove('myorg/myfleet', 'EDITOR');
   */
  remove(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
}

/** Pine options of fleet tag reads. */
export type ApplicationTagOptions = ResourceOptions<'application_tag'>;
/** A fleet tag as narrowed by the options. */
export type ApplicationTagRow<O> = ResultRow<'application_tag', O>;
/** Pine options of fleet configuration variable reads. */
export type ApplicationConfigVarOptions = ResourceOptions<'application_config_variable'>;
/** A fleet configuration variable as narrowed by the options. */
export type ApplicationConfigVarRow<O> = ResultRow<'application_config_variable', O>;
/** Pine options of fleet environment variable reads. */
export type ApplicationEnvVarOptions = ResourceOptions<'application_environment_variable'>;
/** A fleet environment variable as narrowed by the options. */
export type ApplicationEnvVarRow<O> = ResultRow<'application_environment_variable', O>;
/** Pine options of fleet build variable reads. */
export type BuildVarOptions = ResourceOptions<'build_environment_variable'>;
/** A fleet build variable as narrowed by the options. */
export type BuildVarRow<O> = ResultRow<'build_environment_variable', O>;

/** `sdk.models.application.tags`: the tags of a fleet. */
export interface ApplicationTags extends FleetEntries<'application_tag'> {
  getAllByApplication<const O extends ApplicationTagOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationTagRow<O>>>;
  iterateAllByApplication<const O extends ApplicationTagOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationTagRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;

  /**
   * Creates or updates one tag of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param tagKey - the tag key.
   * @param value - the value.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaRequestError} when the API rejects the key or value.
   * @example
   * await sdk.models.application.tags.set('myorg/myfleet', 'owner', 'me');
   */
  set(
    slugOrUuidOrId: string | number,
    tagKey: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;

  /**
   * Deletes one tag of a fleet (no error when it does not exist).
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param tagKey - the tag key.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * await sdk.models.application.tags.remove('myorg/myfleet', 'owner');
   */
  remove(
    slugOrUuidOrId: string | number,
    tagKey: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
}

/** `sdk.models.application.configVar`. */
export interface ApplicationConfigVariables extends FleetVariables<'application_config_variable'> {
  getAllByApplication<const O extends ApplicationConfigVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationConfigVarRow<O>>>;
  iterateAllByApplication<const O extends ApplicationConfigVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationConfigVarRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  get(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;
  set(
    slugOrUuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
  remove(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
}

/** `sdk.models.application.envVar`. */
export interface ApplicationEnvironmentVariables extends FleetVariables<'application_environment_variable'> {
  getAllByApplication<const O extends ApplicationEnvVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApplicationEnvVarRow<O>>>;
  iterateAllByApplication<const O extends ApplicationEnvVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApplicationEnvVarRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  get(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;
  set(
    slugOrUuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
  remove(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
}

/** `sdk.models.application.buildVar`. */
export interface BuildEnvironmentVariables extends FleetVariables<'build_environment_variable'> {
  getAllByApplication<const O extends BuildVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<BuildVarRow<O>>>;
  iterateAllByApplication<const O extends BuildVarOptions = Record<never, never>>(
    slugOrUuidOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<BuildVarRow<O>>;
  countAllByApplication(
    slugOrUuidOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number>;
  get(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<string | undefined>;
  set(
    slugOrUuidOrId: string | number,
    key: string,
    value: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
  remove(
    slugOrUuidOrId: string | number,
    key: string,
    callOptions?: PineRequestOptions,
  ): Promise<void>;
}

/** The four namespaces built by `createApplicationVariables`. */
export interface ApplicationVariableNamespaces {
  tags: ApplicationTags;
  configVar: ApplicationConfigVariables;
  envVar: ApplicationEnvironmentVariables;
  buildVar: BuildEnvironmentVariables;
}
