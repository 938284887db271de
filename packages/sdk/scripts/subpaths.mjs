// The modular subpaths: `balena-sdk/client` and one `balena-sdk/models/<file>` per model, with the
// `sdk.models` name each factory fills. Read by tsdown.config.ts and the packaging tests.

/**
 * `entry` defaults to `src/models/<file>/index.ts`; `parts` are extra factories of the subpath.
 * @type {ReadonlyArray<{ file: string, name: string, factory: string, entry?: string, parts?: Array<{ factory: string, type: string }> }>}
 */
export const MODEL_SUBPATHS = [
  { file: 'api-key', name: 'apiKey', factory: 'createApiKeyModel' },
  { file: 'application', name: 'application', factory: 'createApplicationModel' },
  { file: 'billing', name: 'billing', factory: 'createBillingModel' },
  { file: 'config', name: 'config', factory: 'createConfigModel' },
  { file: 'credit-bundle', name: 'creditBundle', factory: 'createCreditBundleModel' },
  {
    file: 'device',
    name: 'device',
    factory: 'createDeviceModel',
    entry: 'src/modular/device.ts',
    parts: [{ factory: 'createDeviceCore', type: 'DeviceCoreModel' }],
  },
  { file: 'device-type', name: 'deviceType', factory: 'createDeviceTypeModel' },
  { file: 'image', name: 'image', factory: 'createImageModel' },
  { file: 'key', name: 'key', factory: 'createKeyModel' },
  { file: 'organization', name: 'organization', factory: 'createOrganizationModel' },
  { file: 'os', name: 'os', factory: 'createOsModel' },
  { file: 'release', name: 'release', factory: 'createReleaseModel' },
  { file: 'service', name: 'service', factory: 'createServiceModel' },
  { file: 'team', name: 'team', factory: 'createTeamModel' },
];
