import { describe, expect, it } from 'vitest';
import { createPineClient, type PineClient } from '../../src/pine/index.js';
import { createOracle, type OracleRequest } from './oracle.js';
import { API_URL, PREFIX } from './recording-transport.js';

type Answer = { value?: unknown; error?: unknown };

interface Scenario {
  name: string;
  /** Answers for the successive requests (missing ones answer `{ d: [] }`). */
  answers?: Answer[];
  run: (client: PineClient & ReturnType<typeof createOracle>) => Promise<unknown>;
}

const uniqueConflict = (): Answer => ({
  error: Object.assign(new Error('conflict'), { statusCode: 409, body: 'must be unique' }),
});

const scenarios: Scenario[] = [
  { name: 'get collection', run: (c) => c.get({ resource: 'device', options: { $select: 'id' } }) },
  {
    name: 'get by id',
    answers: [{ value: { d: [{ id: 1 }] } }],
    run: (c) => c.get({ resource: 'device', id: 1 }),
  },
  { name: 'get by natural key', run: (c) => c.get({ resource: 'device', id: { uuid: "a'b" } }) },
  {
    name: 'get $count',
    answers: [{ value: { d: 3 } }],
    run: (c) => c.get({ resource: 'device', options: { $count: {} } }),
  },
  {
    name: 'post',
    answers: [{ value: { id: 1 } }],
    run: (c) => c.post({ resource: 'device_tag', body: { device: 1, tag_key: 'k', value: 'v' } }),
  },
  {
    name: 'post with options',
    answers: [{ value: { id: 1 } }],
    run: (c) => c.post({ resource: 'device', body: { note: 'n' }, options: { $select: 'id' } }),
  },
  {
    name: 'post to a bound action',
    answers: [{ value: { ok: true } }],
    run: (c) => c.post({ resource: 'release_asset', id: 5, action: 'beginUpload', body: { a: 1 } }),
  },
  {
    name: 'patch by id',
    answers: [{}],
    run: (c) => c.patch({ resource: 'device', id: 1, body: { note: 'x' } }),
  },
  {
    name: 'patch by filter',
    answers: [{}],
    run: (c) =>
      c.patch({
        resource: 'device',
        options: { $filter: { id: { $in: [1, 2, 3] } } },
        body: { is_pinned_on__release: null },
      }),
  },
  {
    name: 'put',
    answers: [{}],
    run: (c) => c.put({ resource: 'device', id: 1, body: { note: 'x' } }),
  },
  {
    name: 'delete by key',
    answers: [{}],
    run: (c) => c.delete({ resource: 'device', id: { uuid: 'u' } }),
  },
  {
    name: 'delete by filter',
    answers: [{}],
    run: (c) =>
      c.delete({ resource: 'device_tag', options: { $filter: { device: 1, tag_key: 'k' } } }),
  },
  {
    name: 'upsert creating',
    answers: [{ value: { id: 2 } }],
    run: (c) =>
      c.upsert({ resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } }),
  },
  {
    name: 'upsert updating after a unique conflict',
    answers: [uniqueConflict(), {}],
    run: (c) =>
      c.upsert({ resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } }),
  },
  {
    name: 'upsert updating with a filter',
    answers: [uniqueConflict(), {}],
    run: (c) =>
      c.upsert({
        resource: 'device_config_variable',
        id: { device: 1, name: 'RESIN_X' },
        body: { value: '1' },
        options: { $filter: { value: { $ne: '1' } } },
      }),
  },
  {
    name: 'upsert with a non-unique 409',
    answers: [{ error: Object.assign(new Error('x'), { statusCode: 409, body: 'conflict' }) }],
    run: (c) =>
      c.upsert({ resource: 'device_tag', id: { device: 1, tag_key: 'k' }, body: { value: 'v' } }),
  },
  {
    name: 'getOrCreate finding a row',
    answers: [{ value: { d: [{ id: 8 }] } }],
    run: (c) =>
      c.getOrCreate({
        resource: 'tag',
        id: { name: 'x' },
        body: { c: 1 },
        options: { $select: 'id' },
      }),
  },
  {
    name: 'getOrCreate creating a row',
    answers: [{ value: { d: [] } }, { value: { id: 9 } }],
    run: (c) =>
      c.getOrCreate({
        resource: 'tag',
        id: { name: 'x' },
        body: { c: 1 },
        options: { $select: 'id' },
      }),
  },
  {
    name: 'prepare GET with aliases',
    answers: [{ value: { d: [{ id: 1 }] } }, { value: { d: [] } }],
    run: async (c) => {
      const prepared = c.prepare(
        { resource: 'device', options: { $filter: { uuid: { '@': 'u' } } } },
        { u: ['string'] },
      );
      return [await prepared({ u: 'a b' }), await prepared({ u: null })];
    },
  },
  {
    name: 'prepare PATCH with bodies',
    answers: [{}, {}],
    run: async (c) => {
      const prepared = c.prepare(
        { resource: 'device', method: 'PATCH', id: { '@': 'id' }, body: { a: 1 } },
        { id: ['number'] },
      );
      await prepared({ id: 1 }, { b: 2 });
      await prepared({ id: 2 });
    },
  },
  {
    name: 'request with a url',
    answers: [{ value: { ok: 1 } }],
    run: (c) =>
      c.request({ method: 'POST', url: 'application(1)/canAccess', body: { action: 'x' } }),
  },
];

async function runWith(
  client: PineClient & ReturnType<typeof createOracle>,
  scenario: Scenario,
  sent: OracleRequest[],
) {
  try {
    return { value: await scenario.run(client), sent };
  } catch (error) {
    return { error, sent };
  }
}

function answerer(answers: Answer[] = []) {
  const queue = [...answers];
  return () => {
    const answer = queue.shift() ?? { value: { d: [] } };
    if (answer.error) {
      throw answer.error;
    }
    return answer.value;
  };
}

describe('differential: wire requests equal pinejs-client-core 8.5.40', () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const oracle = createOracle(PREFIX);
      oracle.respond = answerer(scenario.answers);
      const expected = await runWith(oracle as never, scenario, oracle.sent);

      const sent: OracleRequest[] = [];
      const answer = answerer(scenario.answers);
      const ours = createPineClient({
        apiUrl: API_URL,
        apiVersion: 'v7',
        transport: async (request) => {
          sent.push({ method: request.method, url: request.url, body: request.body });
          return answer();
        },
      });
      const actual = await runWith(ours as never, scenario, sent);

      expect(actual).toEqual(expected);
      expect(sent.length).toBeGreaterThan(0);
    },
  );
});
