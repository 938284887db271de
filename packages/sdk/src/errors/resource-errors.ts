import { BalenaError } from './base.js';

type Name = string | number;

/** No application matches the given slug, uuid or id. */
export class BalenaApplicationNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaApplicationNotFound' {
    return 'BalenaApplicationNotFound';
  }
  readonly application: Name;
  /**
   * Creates the error.
   *
   * @param application - the slug, uuid or id that was looked up.
   * @example
   * throw new BalenaApplicationNotFound('myorg/myapp');
   */
  constructor(application: Name) {
    super(`Application not found: ${application}`);
    this.application = application;
  }
}

/** More than one application matches the given name. */
export class BalenaAmbiguousApplication extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaAmbiguousApplication' {
    return 'BalenaAmbiguousApplication';
  }
  readonly application: Name;
  /**
   * Creates the error.
   *
   * @param application - the ambiguous identifier.
   * @example
   * throw new BalenaAmbiguousApplication('myapp');
   */
  constructor(application: Name) {
    super(`Application is ambiguous: ${application}`);
    this.application = application;
  }
}

/** No device matches the given uuid, id or name. */
export class BalenaDeviceNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaDeviceNotFound' {
    return 'BalenaDeviceNotFound';
  }
  readonly device: Name;
  /**
   * Creates the error.
   *
   * @param device - the uuid, id or name that was looked up.
   * @example
   * throw new BalenaDeviceNotFound(123);
   */
  constructor(device: Name) {
    super(`Device not found: ${device}`);
    this.device = device;
  }
}

/** More than one device matches the given identifier. */
export class BalenaAmbiguousDevice extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaAmbiguousDevice' {
    return 'BalenaAmbiguousDevice';
  }
  readonly device: Name;
  /**
   * Creates the error.
   *
   * @param device - the ambiguous identifier.
   * @example
   * throw new BalenaAmbiguousDevice('my-device');
   */
  constructor(device: Name) {
    super(`Device is ambiguous: ${device}`);
    this.device = device;
  }
}

/** No release matches the given commit or id. */
export class BalenaReleaseNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaReleaseNotFound' {
    return 'BalenaReleaseNotFound';
  }
  readonly release: Name;
  /**
   * Creates the error.
   *
   * @param release - the commit or id that was looked up.
   * @example
   * throw new BalenaReleaseNotFound('7cf02a6');
   */
  constructor(release: Name) {
    super(`Release not found: ${release}`);
    this.release = release;
  }
}

/** More than one release matches the given commit. */
export class BalenaAmbiguousRelease extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaAmbiguousRelease' {
    return 'BalenaAmbiguousRelease';
  }
  readonly release: Name;
  /**
   * Creates the error.
   *
   * @param release - the ambiguous commit.
   * @example
   * throw new BalenaAmbiguousRelease('7cf02a6');
   */
  constructor(release: Name) {
    super(
      `Release is ambiguous: There are multiple releases matching the release hash '${release}'`,
    );
    this.release = release;
  }
}

/** No organization matches the given handle or id. */
export class BalenaOrganizationNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaOrganizationNotFound' {
    return 'BalenaOrganizationNotFound';
  }
  readonly organization: Name;
  /**
   * Creates the error.
   *
   * @param organization - the handle or id that was looked up.
   * @example
   * throw new BalenaOrganizationNotFound('myorg');
   */
  constructor(organization: Name) {
    super(`Organization not found: ${organization}`);
    this.organization = organization;
  }
}

/** No image matches the given id. */
export class BalenaImageNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaImageNotFound' {
    return 'BalenaImageNotFound';
  }
  readonly image: Name;
  /**
   * Creates the error.
   *
   * @param image - the id that was looked up.
   * @example
   * throw new BalenaImageNotFound(5);
   */
  constructor(image: Name) {
    super(`Image not found: ${image}`);
    this.image = image;
  }
}

/** No service matches the given name or id. */
export class BalenaServiceNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaServiceNotFound' {
    return 'BalenaServiceNotFound';
  }
  readonly service: Name;
  /**
   * Creates the error.
   *
   * @param service - the name or id that was looked up.
   * @example
   * throw new BalenaServiceNotFound('main');
   */
  constructor(service: Name) {
    super(`Service not found: ${service}`);
    this.service = service;
  }
}

/** No SSH key matches the given id. */
export class BalenaKeyNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaKeyNotFound' {
    return 'BalenaKeyNotFound';
  }
  readonly key: Name;
  /**
   * Creates the error.
   *
   * @param key - the id that was looked up.
   * @example
   * throw new BalenaKeyNotFound(7);
   */
  constructor(key: Name) {
    super(`Key not found: ${key}`);
    this.key = key;
  }
}

/** No application membership role has the given name. */
export class BalenaApplicationMembershipRoleNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaApplicationMembershipRoleNotFound' {
    return 'BalenaApplicationMembershipRoleNotFound';
  }
  readonly applicationMembershipRole: Name;
  /**
   * Creates the error.
   *
   * @param applicationMembershipRole - the role name or id.
   * @example
   * throw new BalenaApplicationMembershipRoleNotFound('admin');
   */
  constructor(applicationMembershipRole: Name) {
    super(`Application membership role not found: ${applicationMembershipRole}`);
    this.applicationMembershipRole = applicationMembershipRole;
  }
}

/** No organization membership role has the given name. */
export class BalenaOrganizationMembershipRoleNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaOrganizationMembershipRoleNotFound' {
    return 'BalenaOrganizationMembershipRoleNotFound';
  }
  readonly organizationMembershipRole: Name;
  /**
   * Creates the error.
   *
   * @param organizationMembershipRole - the role name or id.
   * @example
   * throw new BalenaOrganizationMembershipRoleNotFound('owner');
   */
  constructor(organizationMembershipRole: Name) {
    super(`Organization membership role not found: ${organizationMembershipRole}`);
    this.organizationMembershipRole = organizationMembershipRole;
  }
}
