import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  HeartbeatTracker,
  heartbeatStateAt,
  type HeartbeatState,
} from '../src/features/devices/heartbeat.js';
import { buildConfig } from '../src/features/devices/target-state-shape.js';
import { parseStateReport } from '../src/features/devices/state-report.js';
import { parseProxyRequest } from '../src/features/devices/supervisor-proxy.js';
import { answerSupervisorCall } from '../src/simulator/supervisor-commands.js';
import { ReleaseState } from '../src/simulator/release-state.js';
import { RouteError } from '../src/identity/http.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('heartbeat', () => {
  it('is online within 1.5 poll intervals, timeout within 3, offline after', () => {
    expect(heartbeatStateAt(0, 1000, 1500)).toBe('online');
    expect(heartbeatStateAt(0, 1000, 1501)).toBe('timeout');
    expect(heartbeatStateAt(0, 1000, 3000)).toBe('timeout');
    expect(heartbeatStateAt(0, 1000, 3001)).toBe('offline');
  });

  it('writes online once per connection, then timeout and offline as polls stop', async () => {
    vi.useFakeTimers();
    const writes: Array<[number, HeartbeatState]> = [];
    const tracker = new HeartbeatTracker(async (id, state) => {
      writes.push([id, state]);
    });
    expect(await tracker.seen(7, 1000)).toBe(true);
    await vi.advanceTimersByTimeAsync(900);
    expect(await tracker.seen(7, 1000)).toBe(false);
    await vi.advanceTimersByTimeAsync(1500);
    expect(writes).toEqual([[7, 'online']]);
    await vi.advanceTimersByTimeAsync(10);
    expect(writes).toEqual([
      [7, 'online'],
      [7, 'timeout'],
    ]);
    await vi.advanceTimersByTimeAsync(1500);
    expect(writes.at(-1)).toEqual([7, 'offline']);
    expect(tracker.stateOf(7)).toBe('offline');
    expect(await tracker.seen(7, 1000)).toBe(true);
    expect(writes.at(-1)).toEqual([7, 'online']);
    tracker.forget(7);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(writes).toHaveLength(4);
  });
});

describe('target state config', () => {
  it('layers device over fleet values, hides UI variables and keeps the poll interval at least the default', () => {
    expect(
      buildConfig(
        [
          { name: 'RESIN_SUPERVISOR_POLL_INTERVAL', value: '60000' },
          { name: 'RESIN_UI_X', value: '1' },
          { name: 'BALENA_UI_Y', value: '1' },
          { name: 'RESIN_HOST_LOG_TO_DISPLAY', value: '1' },
          { name: 'A', value: 'fleet' },
        ],
        [
          { name: 'A', value: 'device' },
          { name: 'BALENA_SUPERVISOR_POLL_INTERVAL', value: '1200000' },
        ],
      ),
    ).toEqual({
      RESIN_SUPERVISOR_NATIVE_LOGGER: 'true',
      RESIN_SUPERVISOR_POLL_INTERVAL: '900000',
      BALENA_SUPERVISOR_POLL_INTERVAL: '1200000',
      A: 'device',
    });
  });
});

describe('state report parsing', () => {
  it('keeps known fields, joins address lists and reads the running release and services', () => {
    const report = parseStateReport(
      {
        status: 'Idle',
        cpu_temp: 47.6,
        ip_address: ['10.0.0.2', '10.0.0.3'],
        unknown_field: 'dropped',
        apps: {
          fleet: {
            release_uuid: 'abc',
            releases: {
              abc: {
                services: { main: { image_id: 4, status: 'Running', download_progress: null } },
              },
            },
          },
        },
      },
      'fleet',
    );
    expect(report.fields).toEqual({
      status: 'Idle',
      cpu_temp: 48,
      ip_address: '10.0.0.2 10.0.0.3',
    });
    expect(report.runningCommit).toBe('abc');
    expect(report.services.get('abc')).toEqual([
      { imageId: 4, status: 'Running', downloadProgress: null },
    ]);
  });

  it('rejects wrongly typed fields and services without an image id', () => {
    expect(() => parseStateReport({ cpu_usage: 'high' }, undefined)).toThrow(RouteError);
    expect(() =>
      parseStateReport(
        { apps: { f: { releases: { c: { services: { main: { status: 'Running' } } } } } } },
        'f',
      ),
    ).toThrow('image_id');
  });
});

describe('supervisor proxy input', () => {
  it('builds the device filter from uuid, deviceId and appId', () => {
    expect(parseProxyRequest('/ping', { method: 'get', deviceId: '5', appId: 2 })).toEqual({
      path: '/ping',
      method: 'GET',
      data: undefined,
      filter: { is_connected_to_vpn: true, id: 5, belongs_to__application: 2 },
    });
    expect(() => parseProxyRequest('/v1/blink', { appId: 1.5 })).toThrow(
      'appId must be an integer',
    );
  });
});

describe('simulated supervisor', () => {
  const call = (path: string, body: Record<string, unknown> = {}, method = 'POST') => ({
    method,
    path,
    body,
  });

  it('answers 423 to lock-respecting actions while locked, unless forced', () => {
    for (const path of ['/v1/reboot', '/v1/shutdown', '/v1/purge', '/v1/restart']) {
      expect(answerSupervisorCall(call(path), true, {}).answer.status, path).toBe(423);
      expect(answerSupervisorCall(call(path, { force: true }), true, {}).answer.status).not.toBe(
        423,
      );
    }
    expect(
      answerSupervisorCall(call('/v2/applications/1/stop-service', { imageId: 3 }), true, {}).answer
        .status,
    ).toBe(423);
    expect(
      answerSupervisorCall(call('/v2/applications/1/start-service', { imageId: 3 }), true, {}),
    ).toEqual({
      answer: { status: 200, body: 'OK' },
      effect: { kind: 'service', action: 'start', imageId: 3 },
    });
    expect(answerSupervisorCall(call('/v1/update'), true, {}).answer.status).toBe(204);
    expect(answerSupervisorCall(call('/v1/nothing'), false, {}).answer.status).toBe(404);
  });
});

describe('simulated release download', () => {
  it('downloads a new release over the configured polls, reporting progress', () => {
    const state = new ReleaseState(3);
    const target = { commit: 'c1', services: [{ name: 'main', imageId: 1 }] };
    const progress: unknown[] = [];
    for (let poll = 0; poll < 4; poll += 1) {
      state.advance(target);
      const apps = state.appsReport('f') as Record<
        string,
        { releases: Record<string, { services: Record<string, { download_progress: unknown }> }> }
      >;
      progress.push(apps.f.releases.c1.services.main.download_progress);
    }
    expect(progress).toEqual([25, 50, 75, null]);
    expect(state.running?.commit).toBe('c1');
  });
});
