// Random identities of simulated devices: uuids, secrets, MAC and private IP addresses.
import { randomBytes, randomInt } from 'node:crypto';

/**
 * Random lower-case hex of a number of bytes (device uuids, secrets).
 * @param bytes how many random bytes
 * @throws never
 * @example
 * randomHex(16); // a 32-character uuid
 */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * A random MAC address.
 * @throws never
 * @example
 * randomMac(); // '3e:01:...'
 */
export function randomMac(): string {
  return (randomHex(6).match(/../g) ?? []).join(':');
}

/**
 * A random private IPv4 address in 192.168.0.0/16.
 * @throws never
 * @example
 * randomIpAddress(); // '192.168.14.201'
 */
export function randomIpAddress(): string {
  return `192.168.${randomInt(1, 255)}.${randomInt(1, 255)}`;
}
