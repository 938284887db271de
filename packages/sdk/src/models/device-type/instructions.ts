/**
 * Contract-based methods of `sdk.models.deviceType`: rendered partials, install method and
 * install instructions.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import type { PineRequestOptions } from '../../pine/index.js';
import {
  calculateInstallMethod,
  instructionsFor,
  interpolatePartials,
  type Contract,
  type InstallMethod,
} from './contract.js';

/** Reads the contract of a device type by slug or name (throws `BalenaInvalidDeviceType` when none). */
export type ContractReader = (
  slugOrName: string,
  callOptions?: PineRequestOptions,
) => Promise<Contract | undefined>;

/**
 * Builds the contract-based device type methods.
 *
 * @param readContract - reads a device type's contract (undefined when it has none).
 * @returns `getInterpolatedPartials`, `getInstructions` and `getInstallMethod`.
 * @throws {Error} never at build time.
 * @example
 * const { getInstallMethod } = createDeviceTypeInstructions(readContract);
 */
export function createDeviceTypeInstructions(readContract: ContractReader) {
  /**
   * A device type's contract with its partials rendered.
   *
   * @param deviceTypeSlug - the slug (or the name).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the contract.
   * @throws {BalenaInvalidDeviceType} when there is no such device type.
   * @throws {Error} when the device type has no contract.
   * @example
   * const contract = await sdk.models.deviceType.getInterpolatedPartials('raspberrypi3');
   */
  async function getInterpolatedPartials(
    deviceTypeSlug: string,
    callOptions?: PineRequestOptions,
  ): Promise<Contract> {
    const contract = await readContract(deviceTypeSlug, callOptions);
    if (contract === undefined)
      throw new Error(`Could not find contract for device type ${deviceTypeSlug}`);
    return interpolatePartials(contract);
  }

  /**
   * The steps to install balenaOS on a device type.
   *
   * @param deviceTypeSlugOrContract - the slug (or name), or a device-type contract.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the instruction lines of the board's install method.
   * @throws {BalenaInvalidParameterError} for an array.
   * @throws {Error} when the device type's contract has no partials.
   * @throws {BalenaError} when the install method cannot be determined.
   * @example
   * const steps = await sdk.models.deviceType.getInstructions('raspberrypi3');
   */
  async function getInstructions(
    deviceTypeSlugOrContract: string | Contract,
    callOptions?: PineRequestOptions,
  ): Promise<string[] | undefined> {
    if (Array.isArray(deviceTypeSlugOrContract) || deviceTypeSlugOrContract == null) {
      throw new BalenaInvalidParameterError('deviceTypeSlugOrContract', deviceTypeSlugOrContract);
    }
    let contract: Contract | undefined;
    if (typeof deviceTypeSlugOrContract === 'string') {
      contract = await readContract(deviceTypeSlugOrContract, callOptions);
      if (contract?.partials === undefined) {
        throw new Error(`Instruction partials not defined for ${deviceTypeSlugOrContract}`);
      }
    } else {
      contract = deviceTypeSlugOrContract;
    }
    return instructionsFor(contract);
  }

  /**
   * How balenaOS gets onto a device type (`externalBoot`, `externalFlash`, `internalFlash`, `image`, ...).
   *
   * @param deviceTypeSlug - the slug (or the name).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the install method, or null when the device type has no contract.
   * @throws {BalenaInvalidDeviceType} when there is no such device type.
   * @throws {BalenaError} when the contract names no install method.
   * @example
   * const method = await sdk.models.deviceType.getInstallMethod('raspberrypi3'); // 'externalBoot'
   */
  async function getInstallMethod(
    deviceTypeSlug: string,
    callOptions?: PineRequestOptions,
  ): Promise<InstallMethod | null> {
    const contract = await readContract(deviceTypeSlug, callOptions);
    return contract === undefined ? null : calculateInstallMethod(contract);
  }

  return { getInterpolatedPartials, getInstructions, getInstallMethod };
}
