export { BalenaError, type BalenaErrorCode } from './base.js';
export {
  BalenaExpiredToken,
  BalenaInvalidLoginCredentials,
  BalenaMalformedToken,
  BalenaNotLoggedIn,
  BalenaSettingsPermissionError,
  BalenaTooManyRequests,
} from './auth-errors.js';
export {
  BalenaDiscontinuedDeviceType,
  BalenaInvalidDeviceType,
  BalenaInvalidParameterError,
  BalenaSupervisorLockedError,
  OSImageNotFound,
  ReleaseAssetAlreadyExists,
} from './other-errors.js';
export { OsImageChecksumError } from './os-errors.js';
export {
  BalenaNetworkError,
  BalenaRequestError,
  BalenaRequestTimeoutError,
  type RedactedRequest,
} from './request-errors.js';
export {
  BalenaAmbiguousApplication,
  BalenaAmbiguousDevice,
  BalenaAmbiguousRelease,
  BalenaApplicationMembershipRoleNotFound,
  BalenaApplicationNotFound,
  BalenaDeviceNotFound,
  BalenaImageNotFound,
  BalenaKeyNotFound,
  BalenaOrganizationMembershipRoleNotFound,
  BalenaOrganizationNotFound,
  BalenaReleaseNotFound,
  BalenaServiceNotFound,
} from './resource-errors.js';
export { isBalenaError, type BalenaErrorByCode } from './guards.js';
