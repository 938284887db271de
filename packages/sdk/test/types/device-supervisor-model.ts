// Type tests: device supervisor actions and OS updates return what the official SDK types promise,
// and wrong inputs do not compile.
/* eslint-disable @typescript-eslint/no-unused-vars -- compile-only type tests: values exist only to have their types checked */
import type { BalenaSDK } from '../../src/index.js';
import type { OsUpdateActionResult, SupervisorStatus } from '../../src/models/device/index.js';
import { assertType, type Equal } from './helpers.js';

declare const sdk: BalenaSDK;
const { device } = sdk.models;

async function results() {
  const one = await device.startOsUpdate('a'.repeat(32), '2.88.4+rev3.prod');
  assertType<Equal<typeof one, OsUpdateActionResult>>();
  const many = await device.startOsUpdate(['a'.repeat(32)], '2.88.4+rev3.prod', {
    runDetached: false,
  });
  assertType<Equal<typeof many, Record<string, OsUpdateActionResult>>>();

  const state = await device.getSupervisorState(5);
  assertType<Equal<typeof state, SupervisorStatus>>();
  const pending: boolean = state.update_pending;

  assertType<Equal<Awaited<ReturnType<typeof device.shutdown>>, void>>();
  assertType<Equal<Awaited<ReturnType<typeof device.restartService>>, void>>();
  assertType<Equal<Awaited<ReturnType<typeof device.pinToOsRelease>>, void>>();
  await device.reboot(5, { force: true }, { timeout: 1_000 });
  await device.pinToSupervisorRelease([1, 2], '14.11.12');
  device._checkOsUpdateTarget(
    {
      uuid: 'u',
      is_of__device_type: [{ slug: 'raspberrypi3' }],
      os_version: null,
      os_variant: null,
    },
    { raw_version: '2.88.4+rev3.prod' },
    'pin',
  );
}

async function rejected() {
  // @ts-expect-error an image id is a number
  await device.startService(5, '12');
  // @ts-expect-error force is a boolean
  await device.reboot(5, { force: 'yes' });
  // @ts-expect-error the target OS version is a version string
  await device.startOsUpdate('a'.repeat(32), 2);
  // @ts-expect-error the check mode is 'start' or 'pin'
  device._checkOsUpdateTarget({ uuid: 'u' }, { raw_version: '1.0.0' }, 'update');
}
