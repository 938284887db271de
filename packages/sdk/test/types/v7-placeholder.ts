// Type test: the v7 model (placeholder or generated) plugs into the typed pine client.
import type { PineClient } from '../../src/pine/index.js';
import type BalenaModel from '../../src/types/v7.generated.js';

declare const pine: PineClient<BalenaModel>;

export async function v7ModelIsUsable() {
  const devices = await pine.get({ resource: 'device', options: { $select: ['id', 'uuid'] } });
  const uuid: string = devices[0].uuid;
  return uuid;
}
