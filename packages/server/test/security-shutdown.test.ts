// Stopping the local API and its simulated devices leaves nothing running in the process: no timers, sockets or
// servers that would keep a test runner (or an embedding program) from exiting.
import { createHook } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import {
  startSimulatedFleetDevice,
  startTestServer,
  type SimulatedDevice,
} from '../src/testing/index.js';
import { getRows, request } from './support/odata-client.js';

/** Counts the process's active resources by kind (timers, sockets, servers...). */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo())
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Resources that are active now and were not before, kind by kind. */
function leftOver(before: Map<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, count] of activeResources()) {
    const grown = count - (before.get(kind) ?? 0);
    if (grown > 0) extra[kind] = grown;
  }
  return extra;
}

/** Waits until nothing is left over or the deadline passes; returns what remains. */
async function settled(
  before: Map<string, number>,
  deadlineMs: number,
): Promise<Record<string, number>> {
  const end = Date.now() + deadlineMs;
  let extra = leftOver(before);
  while (Object.keys(extra).length > 0 && Date.now() < end) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    extra = leftOver(before);
  }
  return extra;
}

// vitest waits 10 s for a closing process; pinejs's compile cache legitimately saves itself within that window.
const LONGEST_TOLERATED_DELAY_MS = 10_000;

interface RecordedTimer {
  delayMs: number;
  timer: { hasRef(): boolean };
}

/** Records the timers created from now on; `stillArmed()` counts the long ones that would keep the process alive. */
function recordTimers(): { stillArmed: () => number; stop: () => void } {
  const timers = new Map<number, RecordedTimer>();
  const hook = createHook({
    init(asyncId, type, _trigger, resource) {
      if (type !== 'Timeout') return;
      const timer = resource as { hasRef(): boolean; _idleTimeout?: number };
      timers.set(asyncId, { delayMs: timer._idleTimeout ?? 0, timer });
    },
    destroy(asyncId) {
      timers.delete(asyncId);
    },
  });
  hook.enable();
  return {
    stillArmed: () =>
      [...timers.values()].filter(({ delayMs, timer }) => {
        const { _destroyed: destroyed } = timer as { _destroyed?: boolean };
        return destroyed !== true && timer.hasRef() && delayMs > LONGEST_TOLERATED_DELAY_MS;
      }).length,
    stop: () => hook.disable(),
  };
}

describe('shutdown', () => {
  it('close() of the API and its simulated devices leaves no long timer, socket or server behind', async () => {
    const before = activeResources();
    const timers = recordTimers();
    const server = await startTestServer();
    const user = await server.createUser();
    const [org] = await getRows<{ id: number }>(
      server.apiUrl,
      '/v7/organization?$select=id',
      user.token,
    );
    const [deviceType] = await getRows<{ id: number }>(
      server.apiUrl,
      "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'",
      user.token,
    );
    const fleet = await request(server.apiUrl, 'POST', '/v7/application', {
      token: user.token,
      body: { app_name: 'shutdownFleet', organization: org.id, is_for__device_type: deviceType.id },
    });
    expect(fleet.status).toBe(201);
    const applicationId = (fleet.json as { id: number }).id;
    // A rejected write: pinejs rolls the transaction back and arms a rollback watchdog timer.
    const rejected = await request(server.apiUrl, 'POST', '/v7/application', {
      token: user.token,
      body: { app_name: 'shutdownFleet', organization: org.id, is_for__device_type: deviceType.id },
    });
    expect(rejected.status).toBeGreaterThanOrEqual(400);
    expect(rejected.status).toBeLessThan(500);
    const devices: SimulatedDevice[] = [];
    for (let i = 0; i < 2; i++) {
      devices.push(
        await startSimulatedFleetDevice({
          apiUrl: server.apiUrl,
          token: user.token,
          applicationId,
        }),
      );
    }
    const relayed = await request(server.apiUrl, 'POST', '/supervisor/v1/blink', {
      token: user.token,
      body: { uuid: devices[0].uuid },
    });
    expect(relayed.status).toBe(200);
    await Promise.all(devices.map((device) => device.stop()));
    await server.close();
    expect(await settled(before, 2_000)).toEqual({});
    const armed = timers.stillArmed();
    timers.stop();
    expect(armed).toBe(0);
  }, 120_000);
});
