/**
 * The version of this package, sent to the API as `X-Balena-Client: balena-sdk/<version>`.
 * A unit test keeps it equal to the `version` field of `package.json`.
 */
export const SDK_VERSION = '23.2.15';
