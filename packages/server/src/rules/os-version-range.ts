// A fleet's application type may require a host OS version range (`needs__os_version_range`, e.g. ">=2.11.0");
// devices outside it cannot join the fleet: 403 with the real API's texts (api-spec §1.4 Devices).
import { errors } from '@balena/pinejs';
import { reportedSemver } from './device-os-releases.js';
import type { SemverParts } from './semver.js';
import type { Tx } from './hook-utils.js';

function compare(a: SemverParts, b: SemverParts): number {
  return (
    a.semver_major - b.semver_major ||
    a.semver_minor - b.semver_minor ||
    a.semver_patch - b.semver_patch
  );
}

/**
 * Tells whether a version satisfies a range of space-separated comparators (`>=1.2.3 <3.0.0`); an unparsable
 * comparator never matches.
 * @param version the version parts
 * @param range the range text
 * @throws never
 * @example
 * satisfiesRange(parseSemver('2.48.0')!, '>=2.11.0'); // true
 */
export function satisfiesRange(version: SemverParts, range: string): boolean {
  return range
    .trim()
    .split(/\s+/)
    .every((comparator) => {
      const match = /^(>=|<=|>|<|=)?v?(\d+\.\d+\.\d+)$/.exec(comparator);
      const bound = match == null ? undefined : reportedSemver(match[2]);
      if (match == null || bound == null) return false;
      const order = compare(version, bound);
      switch (match[1]) {
        case '>=':
          return order >= 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '<':
          return order < 0;
        default:
          return order === 0;
      }
    });
}

/**
 * Refuses devices whose reported OS version does not satisfy their fleet's application type range.
 * @param tx the request's transaction
 * @param deviceIds the devices just created, moved or updated
 * @throws ForbiddenError `Device <name> has OS version <v> but needs to satisfy version range: <range>` or
 *   `Device <name> is too old to satisfy required version range: <range>`
 * @example
 * await checkOsVersionRange(tx, [deviceId]);
 */
export async function checkOsVersionRange(tx: Tx, deviceIds: number[]): Promise<void> {
  if (deviceIds.length === 0) return;
  const { rows } = await tx.executeSql(
    `SELECT d."device name" AS name, d."os version" AS os, t."needs-os version range" AS range
     FROM "device" d JOIN "application" a ON a."id" = d."belongs to-application"
     JOIN "application type" t ON t."id" = a."application type"
     WHERE d."id" = ANY($1::integer[]) AND d."os version" IS NOT NULL AND t."needs-os version range" IS NOT NULL`,
    [deviceIds],
  );
  for (const row of rows) {
    const [name, os, range] = [String(row.name), String(row.os), String(row.range)];
    const version = reportedSemver(os);
    if (version == null) {
      throw new errors.ForbiddenError(
        `Device ${name} is too old to satisfy required version range: ${range}`,
      );
    }
    if (!satisfiesRange(version, range)) {
      throw new errors.ForbiddenError(
        `Device ${name} has OS version ${os} but needs to satisfy version range: ${range}`,
      );
    }
  }
}
