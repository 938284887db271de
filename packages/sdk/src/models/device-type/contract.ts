/**
 * Device-type contracts: rendering their partials, the install method, and install instructions.
 */
import { BalenaError } from '../../errors/index.js';
import { BALENA_OS_CONTRACT, resolveContractAlias } from './balenaos-contract.js';
import { renderTemplate } from './template.js';

/** A contract (e.g. `hw.device-type`), as stored in `device_type.contract`. */
export interface Contract {
  slug: string;
  type: string;
  name?: string;
  version?: string;
  aliases?: string[];
  data?: {
    arch?: string;
    flashProtocol?: string;
    media?: { defaultBoot?: string; altBoot?: string[] };
    [key: string]: unknown;
  };
  partials?: Record<string, unknown>;
  [key: string]: unknown;
}

/** How an OS image gets onto a board. */
export type InstallMethod = 'image' | 'internalFlash' | 'externalFlash' | 'externalBoot' | string;

/**
 * Tells whether a value looks like a contract (an object with a string `slug` and `type`).
 *
 * @param value - a stored contract value.
 * @returns true for contracts.
 * @throws never
 * @example
 * isContract({ slug: 'raspberrypi3', type: 'hw.device-type' }); // true
 */
export function isContract(value: unknown): value is Contract {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { slug, type } = value as { slug?: unknown; type?: unknown };
  return typeof slug === 'string' && typeof type === 'string';
}

function renderPartialValue(partials: unknown, context: Contract): unknown {
  if (Array.isArray(partials)) {
    if (!partials.every((item) => typeof item === 'string')) return partials;
    return partials
      .flatMap((item: string) =>
        renderTemplate(item, context, { resolveContractAlias }).split('\n'),
      )
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }
  if (typeof partials === 'object' && partials !== null) {
    return renderPartials(partials, context);
  }
  return partials;
}

function renderPartials(partials: object, context: Contract): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(partials).map(([key, value]) => [key, renderPartialValue(value, context)]),
  );
}

/**
 * Renders every string list under `partials` against the contract itself.
 *
 * @param contract - the contract.
 * @returns a copy with rendered partials (split on newlines, trimmed, blank lines dropped).
 * @throws never; unknown template paths render as empty text
 * @example
 * interpolatePartials(contract).partials.instructions[0];
 */
export function interpolatePartials<C extends Contract>(contract: C): C {
  if (contract.partials === undefined) return contract;
  return { ...contract, partials: renderPartials(contract.partials, contract) };
}

/**
 * The install method of a device type, from its contract.
 *
 * @param contract - the device type's contract.
 * @returns `internalFlash` (RPIBOOT), another flash protocol name, `image`, `externalFlash` or `externalBoot`.
 * @throws {BalenaError} when the contract names neither a flash protocol nor a default boot medium.
 * @example
 * calculateInstallMethod({ slug: 'x', type: 'hw.device-type', data: { media: { defaultBoot: 'image' } } }); // 'image'
 */
export function calculateInstallMethod(contract: Contract): InstallMethod {
  const flashProtocol = contract.data?.flashProtocol;
  if (flashProtocol) return flashProtocol === 'RPIBOOT' ? 'internalFlash' : flashProtocol;
  const defaultBoot = contract.data?.media?.defaultBoot;
  if (defaultBoot) {
    if (defaultBoot === 'image') return 'image';
    if (defaultBoot === 'internal') return 'externalFlash';
    return 'externalBoot';
  }
  throw new BalenaError(`Unable to determine installation method for contract: ${contract.slug}`);
}

/**
 * The install instructions for a device type's contract.
 *
 * @param contract - the device type's contract.
 * @returns the instruction lines of its install method (undefined for methods without instructions).
 * @throws {BalenaError} when the install method cannot be determined.
 * @example
 * instructionsFor(contract); // ['Connect the SD card to the host machine.', ...]
 */
export function instructionsFor(contract: Contract): string[] | undefined {
  const method = calculateInstallMethod(contract);
  const hostOs = interpolatePartials({
    ...structuredClone(BALENA_OS_CONTRACT),
    deviceType: interpolatePartials(contract),
  });
  const list = hostOs.partials?.[method];
  return Array.isArray(list) ? list.filter((line) => typeof line === 'string') : undefined;
}
