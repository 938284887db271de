// The permission strings granted to each kind of actor, and their installation into the Auth tables.
export { ensurePermissionData, getRoleId } from './ensure.js';
export {
  AUTH_CREATE_TOKEN,
  AUTH_CREDENTIALS_LOGIN,
  ROLE_DEFAULT_USER,
  ROLE_DEVICE_API_KEY,
  ROLE_NAMED_USER_API_KEY,
  ROLE_PROVISIONING_API_KEY,
  deviceApiKeyPermissions,
  defaultUserPermissions,
  guestPermissions,
  namedUserApiKeyPermissions,
  provisioningApiKeyPermissions,
  rolePermissions,
} from './roles.js';
export { VOCABULARY } from './filters.js';
