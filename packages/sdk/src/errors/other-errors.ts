import { BalenaError } from './base.js';

/** The device type slug or name is unknown. */
export class BalenaInvalidDeviceType extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaInvalidDeviceType' | 'BalenaDiscontinuedDeviceType' {
    return 'BalenaInvalidDeviceType';
  }
  readonly type: string;
  /**
   * Creates the error.
   *
   * @param type - the device type that was given.
   * @example
   * throw new BalenaInvalidDeviceType('raspberry-pi9');
   */
  constructor(type: string, message?: string) {
    super(message ?? `Invalid device type: ${type}`);
    this.type = type;
  }
}

/** The device type exists but is discontinued for this operation. */
export class BalenaDiscontinuedDeviceType extends BalenaInvalidDeviceType {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaDiscontinuedDeviceType' {
    return 'BalenaDiscontinuedDeviceType';
  }
  /**
   * Creates the error.
   *
   * @param type - the discontinued device type.
   * @example
   * throw new BalenaDiscontinuedDeviceType('edge');
   */
  constructor(type: string) {
    super(type, `Discontinued device type: ${type}`);
  }
}

/** An argument failed validation before any request was sent. */
export class BalenaInvalidParameterError extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaInvalidParameterError' {
    return 'BalenaInvalidParameterError';
  }
  readonly parameterName: string;
  readonly suppliedValue: unknown;
  /**
   * Creates the error with the official message format.
   *
   * @param parameterName - the name of the parameter.
   * @param suppliedValue - the value that was rejected.
   * @example
   * throw new BalenaInvalidParameterError('uuidOrId', 'x');
   */
  constructor(parameterName: string, suppliedValue: unknown) {
    super(
      `Invalid parameter: ${String(suppliedValue)} is not a valid value for parameter '${parameterName}'`,
    );
    this.parameterName = parameterName;
    this.suppliedValue = suppliedValue;
  }
}

/** The device supervisor refused an action because of an update lock (HTTP 423). */
export class BalenaSupervisorLockedError extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaSupervisorLockedError' {
    return 'BalenaSupervisorLockedError';
  }
  /**
   * Creates the error with the official message "Supervisor locked".
   *
   * @example
   * throw new BalenaSupervisorLockedError();
   */
  constructor() {
    super('Supervisor locked');
  }
}

/** A release asset with this key already exists and `overwrite` was not set. */
export class ReleaseAssetAlreadyExists extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'ReleaseAssetAlreadyExists' {
    return 'ReleaseAssetAlreadyExists';
  }
  /**
   * Creates the error.
   *
   * @param release - the release id or commit.
   * @param assetKey - the asset key.
   * @example
   * throw new ReleaseAssetAlreadyExists(12, 'logo.png');
   */
  constructor(release: string | number, assetKey: string) {
    super(`Release asset combination of ${release} and ${assetKey} already exists`);
  }
}

/** No OS image exists for the device type and version. */
export class OSImageNotFound extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'OSImageNotFound' {
    return 'OSImageNotFound';
  }
  /**
   * Creates the error.
   *
   * @param deviceType - the device type slug.
   * @param version - the OS version.
   * @param imageType - the image type, if one was asked for.
   * @example
   * throw new OSImageNotFound('raspberrypi4-64', '6.0.0');
   */
  constructor(deviceType: string, version: string, imageType?: string) {
    super(
      imageType
        ? `No image found for device type ${deviceType}, version ${version}, and image type ${imageType}`
        : `No image found for device type ${deviceType} and version ${version}`,
    );
  }
}
