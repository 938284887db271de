/** `GET /actor/v1/whoami` for a user credential (JWT or user API key). */
export interface UserWhoamiResult {
  id: number;
  actorType: 'user';
  actorTypeId: number;
  username: string;
  email: string | null;
}

/** `GET /actor/v1/whoami` for an application provisioning key. */
export interface ApplicationWhoamiResult {
  id: number;
  actorType: 'application';
  actorTypeId: number;
  slug: string;
}

/** `GET /actor/v1/whoami` for a device key. */
export interface DeviceWhoamiResult {
  id: number;
  actorType: 'device';
  actorTypeId: number;
  uuid: string;
}

/** Who the stored credential belongs to. */
export type WhoamiResult = UserWhoamiResult | ApplicationWhoamiResult | DeviceWhoamiResult;

/** `auth.getUserInfo()` result. */
export interface UserInfo {
  /** The user id. */
  id: number;
  /** The user's actor id. */
  actor: number;
  email: string | null;
  username: string;
}

/** Credentials of `auth.login` / `auth.authenticate`. */
export interface LoginCredentials {
  email: string;
  password: string;
}

/** Payload of `auth.register`. */
export interface RegisterCredentials {
  email: string;
  password: string;
  'g-recaptcha-response'?: string;
}

/** Payload of `auth.verifyEmail`. */
export interface VerifyEmailPayload {
  email: string;
  token: string;
}
