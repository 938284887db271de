// Wire compatibility of a whole fleet scenario: this SDK and the official balena-sdk run the same
// calls against the same local API behind a recording proxy (the bench's), and every request the
// server receives (method, path, decoded query, body, kind of credentials) must match step by step,
// except the lookups this SDK leaves out on purpose (`DELIBERATE_OMISSIONS` in bench/lib/wire-compare.mjs).
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import {
  startRecordingProxy,
  type RecordingProxy,
} from '../../../../bench/lib/recording-proxy.mjs';
import { runFleetScenario } from '../../../../bench/lib/fleet-scenario.mjs';
import { compareRecordings, type RunRecording } from '../../../../bench/lib/wire-compare.mjs';

const DEVICES = 4;

let proxy: RecordingProxy;
let user: TestUser;
const runs: Record<'ours' | 'official', RunRecording | undefined> = {
  ours: undefined,
  official: undefined,
};

async function runThrough(name: 'ours' | 'official'): Promise<RunRecording> {
  const options = { apiUrl: proxy.url, dataDirectory: false as const };
  const sdk =
    name === 'ours'
      ? getSdk(options)
      : getOfficialSdk({ ...options, isBrowser: false } as Parameters<typeof getOfficialSdk>[0]);
  proxy.takeRecording();
  const result = await runFleetScenario(sdk, {
    credentials: { email: user.email, password: user.password },
    organization: user.username,
    fleetName: `wire-${name}-fleet`,
    deviceCount: DEVICES,
    concurrency: 2,
    mark: (step) => proxy.mark(step),
  });
  return { recording: proxy.takeRecording(), result };
}

beforeAll(async () => {
  proxy = await startRecordingProxy({ target: inject('apiUrl') });
  user = await createTestUser(inject('apiUrl'));
  runs.ours = await runThrough('ours');
  runs.official = await runThrough('official');
}, 180_000);

afterAll(async () => {
  await proxy?.close();
});

describe('fleet scenario on the wire', () => {
  it('reads back every registered device through both SDKs', () => {
    expect(runs.ours?.result.readBackCount).toBe(DEVICES);
    expect(runs.official?.result.readBackCount).toBe(DEVICES);
    expect(runs.ours?.result.fleetDeleteError).toBe(runs.official?.result.fleetDeleteError);
  });

  it('sends the same requests as the official SDK, step by step, less the documented lookups', () => {
    const comparison = compareRecordings(runs.ours!, runs.official!);
    expect({ onlyOurs: comparison.onlyOurs, onlyOfficial: comparison.onlyOfficial }).toEqual({
      onlyOurs: [],
      onlyOfficial: [],
    });
    // Per device: one fleet lookup and (but for the first) one provisioning key at registration,
    // one device lookup per env var and per tag.
    const omitted = comparison.omitted.map(({ step, count, request }) => ({
      step,
      count,
      method: request.method,
    }));
    expect(omitted).toEqual([
      { step: 'register devices', count: DEVICES, method: 'GET' },
      { step: 'register devices', count: DEVICES - 1, method: 'POST' },
      { step: 'set env vars', count: DEVICES, method: 'GET' },
      { step: 'set tags', count: DEVICES, method: 'GET' },
    ]);
    expect(comparison.identical).toBe(comparison.ours);
    expect(comparison.official - comparison.ours).toBe(4 * DEVICES - 1);
    // Every step of the scenario sent something, so an empty recording cannot pass.
    expect(
      comparison.steps.filter((step) => step.step !== '').map((s) => s.ours > 0),
    ).not.toContain(false);
  });

  it('labels run-specific values, so two runs of the same SDK compare equal and a changed body does not', () => {
    const ours = runs.ours!;
    const altered: RunRecording = {
      result: ours.result,
      recording: ours.recording.map((entry, index) =>
        index === 0 ? { ...entry, body: { ...(entry.body as object), extra: true } } : entry,
      ),
    };
    expect(compareRecordings(ours, ours).identical).toBe(ours.recording.length);
    expect(compareRecordings(altered, ours).identical).toBe(ours.recording.length - 1);
  });
});
