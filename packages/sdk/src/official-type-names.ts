/**
 * Type names the official SDK exports from its package root, mapped onto this SDK's types so code
 * written against the official typings compiles unchanged. Types only: nothing here exists at run time.
 *
 * Names with no counterpart (balenaCloud-only resources, the supervisor state namespace, the official
 * dependency-injection object, decoded JWT and invitation payloads) are listed in docs/migrating.md.
 */
import type {
  ApplicationWhoamiResult,
  DeviceWhoamiResult,
  UserWhoamiResult,
} from './auth/types.js';
import type { ResolvedConfig } from './config.js';
import type { InviteCreateOptions } from './internal/invite-resource.js';
import type { ApplicationMembershipCreateOptions } from './models/application/membership.js';
import type { Config } from './models/config/types.js';
import type { Contract } from './models/device-type/contract.js';
import type { ImgConfigOptions, SupportedOsUpdateVersions } from './models/os/types.js';
import type {
  ApplicationHasBuildVarName,
  ApplicationHasConfigVarName,
  ApplicationHasDomain,
  ApplicationHasEnvVarName,
  ApplicationHasServiceName,
  ApplicationHasTagKey,
  Device,
  DeviceHasConfigVarName,
  DeviceHasEnvVarName,
  DeviceHasFqdn,
  DeviceHasTagKey,
  DeviceInstallsImage,
  DeviceInstallsService,
  DeviceTypeIsReferencedByAlias,
  OrganizationMembershipHasTagKey,
  ReleaseHasAssetKey,
  ReleaseHasTagKey,
  ReleaseImageHasLabelName,
  ReleaseImageHasName,
  ServiceHasLabelName,
  ServiceHasName,
  ServiceInstallHasName,
  TeamGrantsAccessToApplication,
  UserIsMemberOfOrganization,
  UserIsMemberOfTeam,
} from './types/v7.generated.js';

// Option and result types that model subpaths export, also exported from the root as the official SDK does.
export type {
  AccountInfo,
  BankAccountBillingInfo,
  BillingAccountAddressInfo,
  BillingAddonPlanInfo,
  BillingInfo,
  BillingInfoType,
  BillingPlanBillingInfo,
  BillingPlanInfo,
  CardBillingInfo,
  InvoiceInfo,
  PlanChangeOptions,
  TokenBillingSubmitInfo,
} from './models/billing/types.js';
export type { Config, ConfigVarDefinition, DeviceTypeJson } from './models/config/types.js';
export type { Contract } from './models/device-type/contract.js';
export type { CurrentService } from './models/application/device-details.js';
export type { DeviceWithServiceDetails } from './models/device/core.js';
export type { OverallStatus } from './models/device/sync-methods.js';
export type { SupervisorStatus } from './models/device/supervisor.js';
export type { OsUpdateActionResult } from './models/device/os-update.js';
export type { ImgConfigOptions, OsLines, OsTypes, OsVersion } from './models/os/types.js';
export type { BuilderUrlDeployOptions } from './models/release/builder.js';
export type { ReleaseWithImageDetails } from './models/release/core.js';

// Resources the official typings name by a synonym of the fact type this SDK's generated model uses.
/** The official name of {@link ApplicationHasTagKey}. */
export type ApplicationTag = ApplicationHasTagKey;
/** The official name of {@link ApplicationHasEnvVarName}. */
export type ApplicationEnvironmentVariable = ApplicationHasEnvVarName;
/** The official name of {@link ApplicationHasConfigVarName}. */
export type ApplicationConfigVariable = ApplicationHasConfigVarName;
/** The official name of {@link ApplicationHasBuildVarName}. */
export type BuildEnvironmentVariable = ApplicationHasBuildVarName;
/** The official name of {@link ApplicationHasDomain}. */
export type ApplicationDomainMapping = ApplicationHasDomain;
/** The official name of {@link ApplicationHasServiceName}. */
export type Service = ApplicationHasServiceName;
/** The official name of {@link ServiceHasLabelName}. */
export type ServiceLabel = ServiceHasLabelName;
/** The official name of {@link ServiceHasName}. */
export type ServiceEnvironmentVariable = ServiceHasName;
/** The official name of {@link DeviceHasTagKey}. */
export type DeviceTag = DeviceHasTagKey;
/** The official name of {@link DeviceHasEnvVarName}. */
export type DeviceEnvironmentVariable = DeviceHasEnvVarName;
/** The official name of {@link DeviceHasConfigVarName}. */
export type DeviceConfigVariable = DeviceHasConfigVarName;
/** The official name of {@link DeviceHasFqdn}. */
export type DeviceDomainMapping = DeviceHasFqdn;
/** The official name of {@link DeviceInstallsService}. */
export type ServiceInstall = DeviceInstallsService;
/** The official name of {@link ServiceInstallHasName}. */
export type DeviceServiceEnvironmentVariable = ServiceInstallHasName;
/** The official name of {@link DeviceInstallsImage}. */
export type ImageInstall = DeviceInstallsImage;
/** The official name of {@link DeviceTypeIsReferencedByAlias}. */
export type DeviceTypeAlias = DeviceTypeIsReferencedByAlias;
/** The official name of {@link ReleaseHasTagKey}. */
export type ReleaseTag = ReleaseHasTagKey;
/** The official name of {@link ReleaseHasAssetKey}. */
export type ReleaseAsset = ReleaseHasAssetKey;
/** The official name of {@link ReleaseImageHasLabelName}. */
export type ImageLabel = ReleaseImageHasLabelName;
/** The official name of {@link ReleaseImageHasName}. */
export type ImageEnvironmentVariable = ReleaseImageHasName;
/** The official name of {@link UserIsMemberOfOrganization}. */
export type OrganizationMembership = UserIsMemberOfOrganization;
/** The official name of {@link OrganizationMembershipHasTagKey}. */
export type OrganizationMembershipTag = OrganizationMembershipHasTagKey;
/** The official name of {@link UserIsMemberOfTeam}. */
export type TeamMembership = UserIsMemberOfTeam;
/** The official name of {@link TeamGrantsAccessToApplication}. */
export type TeamApplicationAccess = TeamGrantsAccessToApplication;

// Option and result types this SDK names differently.
/** Options of `application.invite.create` (official name). */
export type ApplicationInviteOptions = InviteCreateOptions;
/** Options of `organization.invite.create` (official name). */
export type OrganizationInviteOptions = InviteCreateOptions;
/** Options of `application.membership.create` (official name). */
export type ApplicationMembershipCreationOptions = ApplicationMembershipCreateOptions;
/** The analytics settings in `config.getAll()` (official name). */
export type GaConfig = NonNullable<Config['ga']>;
/** What `os.getSupportedOsUpdateVersions` resolves with (official name). */
export type OsUpdateVersions = SupportedOsUpdateVersions;
/** The API-side options of `os.download` (official name). */
export type OsDownloadOptions = ImgConfigOptions;
/** The partials of a device-type contract (official name). */
export type Partials = NonNullable<Contract['partials']>;
/** The resolved `getSdk()` options models work with (official name of its dependency-injection options). */
export type InjectedOptionsParam = ResolvedConfig;
/** `auth.whoami()` for a user credential (official name). */
export type UserKeyWhoAmIResponse = UserWhoamiResult;
/** `auth.whoami()` for an application provisioning key (official name). */
export type ApplicationKeyWhoAmIResponse = ApplicationWhoamiResult;
/** `auth.whoami()` for a device key (official name). */
export type DeviceKeyWhoAmIResponse = DeviceWhoamiResult;
/** The device fields that hold its resource metrics. */
export type DeviceMetrics = Pick<
  Device['Read'],
  | 'memory_usage'
  | 'memory_total'
  | 'storage_block_device'
  | 'storage_usage'
  | 'storage_total'
  | 'cpu_usage'
  | 'cpu_temp'
  | 'cpu_id'
  | 'is_undervolted'
>;

// Shapes of navigation fields in query results, as the generated resource types spell them.
/** A navigation field that was not expanded: the id of the related row. */
export interface PineDeferred {
  __id: number;
}
/** A required navigation field: the expanded row in a one-element array, or a deferred id. */
export type NavigationResource<T> = [T] | PineDeferred;
/** An optional navigation field: as {@link NavigationResource}, or empty (`[]`) or `null` when unset. */
export type OptionalNavigationResource<T> = [] | [T] | PineDeferred | null;
/** The fields every environment variable row has. */
export type EnvironmentVariableBase = Pick<DeviceHasEnvVarName['Read'], 'id' | 'name' | 'value'>;
/** A device environment variable row. */
export type DeviceVariable = DeviceHasEnvVarName['Read'];
/** A fleet environment variable row. */
export type ApplicationVariable = ApplicationHasEnvVarName['Read'];
