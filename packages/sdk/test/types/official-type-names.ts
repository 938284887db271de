// Type tests: the type names the official SDK exports from its root import from ours too, each meaning
// this SDK's matching type (results of the methods are assignable to them).
/* eslint-disable @typescript-eslint/no-unused-vars -- compile-only type tests: values exist only to have their types checked */
import type {
  AccountInfo,
  ApplicationConfigVariable,
  ApplicationDomainMapping,
  ApplicationEnvironmentVariable,
  ApplicationHasTagKey,
  ApplicationInviteOptions,
  ApplicationKeyWhoAmIResponse,
  ApplicationMembershipCreationOptions,
  ApplicationTag,
  ApplicationVariable,
  BalenaSDK,
  BankAccountBillingInfo,
  BillingAccountAddressInfo,
  BillingAddonPlanInfo,
  BillingInfo,
  BillingInfoType,
  BillingPlanBillingInfo,
  BillingPlanInfo,
  BuildEnvironmentVariable,
  BuilderUrlDeployOptions,
  CardBillingInfo,
  Config,
  ConfigVarDefinition,
  Contract,
  CurrentService,
  Device,
  DeviceConfigVariable,
  DeviceDomainMapping,
  DeviceEnvironmentVariable,
  DeviceHasTagKey,
  DeviceKeyWhoAmIResponse,
  DeviceMetrics,
  DeviceServiceEnvironmentVariable,
  DeviceTag,
  DeviceTypeAlias,
  DeviceTypeJson,
  DeviceVariable,
  DeviceWithServiceDetails,
  EnvironmentVariableBase,
  GaConfig,
  ImageEnvironmentVariable,
  ImageInstall,
  ImageLabel,
  ImgConfigOptions,
  InjectedOptionsParam,
  InvoiceInfo,
  NavigationResource,
  OptionalNavigationResource,
  OrganizationInviteOptions,
  OrganizationMembership,
  OrganizationMembershipTag,
  OsDownloadOptions,
  OsLines,
  OsTypes,
  OsUpdateActionResult,
  OsUpdateVersions,
  OsVersion,
  OverallStatus,
  Partials,
  PineDeferred,
  PlanChangeOptions,
  ReleaseAsset,
  ReleaseHasTagKey,
  ReleaseTag,
  ReleaseWithImageDetails,
  Service,
  ServiceEnvironmentVariable,
  ServiceInstall,
  ServiceLabel,
  SupervisorStatus,
  TeamApplicationAccess,
  TeamMembership,
  TokenBillingSubmitInfo,
  UserKeyWhoAmIResponse,
} from '../../src/index.js';
import { assertType, type Equal } from './helpers.js';

declare const sdk: BalenaSDK;

// The renamed resources are the same types under the official names.
assertType<Equal<DeviceTag, DeviceHasTagKey>>();
assertType<Equal<ReleaseTag, ReleaseHasTagKey>>();
assertType<Equal<ApplicationTag, ApplicationHasTagKey>>();

async function methodResults() {
  const tags: Array<DeviceTag['Read']> = await sdk.models.device.tags.getAllByDevice(1);
  const releaseTags: Array<ReleaseTag['Read']> = await sdk.models.release.tags.getAllByRelease(1);
  const vars: DeviceVariable[] = await sdk.models.device.envVar.getAllByDevice(1);
  const base: EnvironmentVariableBase = vars[0];
  const fleetVars: ApplicationVariable[] =
    await sdk.models.application.envVar.getAllByApplication(1);
  const withDetails: DeviceWithServiceDetails = await sdk.models.device.getWithServiceDetails(1);
  const config: Config = await sdk.models.config.getAll();
  const ga: GaConfig | undefined = config.ga;
  const versions: OsUpdateVersions = await sdk.models.os.getSupportedOsUpdateVersions(
    'raspberrypi4-64',
    '5.0.0',
  );
  const osVersions: OsVersion[] = await sdk.models.os.getAvailableOsVersions('raspberrypi4-64');
  const line: OsLines = osVersions[0].line;
  const status: OverallStatus = 'operational';
  const policy: (typeof OsTypes)['ESR'] = 'esr';
  const supervisor: SupervisorStatus = await sdk.models.device.getSupervisorState(1);
  const whoami = await sdk.auth.whoami();
  if (whoami?.actorType === 'user') {
    const user: UserKeyWhoAmIResponse = whoami;
  } else if (whoami?.actorType === 'application') {
    const app: ApplicationKeyWhoAmIResponse = whoami;
  } else if (whoami?.actorType === 'device') {
    const device: DeviceKeyWhoAmIResponse = whoami;
  }
}

// Options written against the official names are accepted by the methods.
async function options(
  invite: ApplicationInviteOptions,
  orgInvite: OrganizationInviteOptions,
  membership: ApplicationMembershipCreationOptions,
  download: OsDownloadOptions,
) {
  await sdk.models.application.invite.create('myorg/fleet', invite);
  await sdk.models.organization.invite.create('myorg', orgInvite);
  await sdk.models.application.membership.create(membership);
  await sdk.models.os.download(download);
  const sameOptions: ImgConfigOptions = download;
}

// Navigation field shapes match the generated resource types.
declare const device: Device['Read'];
declare const deviceTag: DeviceTag['Read'];
const ofDevice: NavigationResource<Device['Read']> = deviceTag.device;
const belongsTo: OptionalNavigationResource<unknown> = device.belongs_to__application;
const deferred: PineDeferred = { __id: 1 };
const metrics: DeviceMetrics = device;

// Every other name is exported (a missing one fails to import above).
type Exported = [
  AccountInfo,
  ApplicationConfigVariable,
  ApplicationDomainMapping,
  ApplicationEnvironmentVariable,
  BankAccountBillingInfo,
  BillingAccountAddressInfo,
  BillingAddonPlanInfo,
  BillingInfo,
  BillingInfoType,
  BillingPlanBillingInfo,
  BillingPlanInfo,
  BuildEnvironmentVariable,
  BuilderUrlDeployOptions,
  CardBillingInfo,
  ConfigVarDefinition,
  Contract,
  CurrentService,
  DeviceConfigVariable,
  DeviceDomainMapping,
  DeviceEnvironmentVariable,
  DeviceServiceEnvironmentVariable,
  DeviceTypeAlias,
  DeviceTypeJson,
  ImageEnvironmentVariable,
  ImageInstall,
  ImageLabel,
  InjectedOptionsParam,
  InvoiceInfo,
  OrganizationMembership,
  OrganizationMembershipTag,
  OsUpdateActionResult,
  Partials,
  PlanChangeOptions,
  ReleaseAsset,
  ReleaseWithImageDetails,
  Service,
  ServiceEnvironmentVariable,
  ServiceInstall,
  ServiceLabel,
  TeamApplicationAccess,
  TeamMembership,
  TokenBillingSubmitInfo,
];
