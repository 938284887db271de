import { describe, expect, it } from 'vitest';
import { createPineClient, getMany, getOne } from '../../src/pine/index.js';
import { API_URL, createRecordingTransport, PREFIX } from './recording-transport.js';

describe('typed read helpers', () => {
  it('getOne reads by key with options and unwraps the row', async () => {
    const { transport, reply, requests } = createRecordingTransport();
    const pine = createPineClient({ apiUrl: API_URL, apiVersion: 'v7', transport });
    reply({ d: [{ id: 1 }] });
    await expect(getOne(pine, 'device', { uuid: 'u' }, { $select: 'id' })).resolves.toEqual({
      id: 1,
    });
    reply({ d: [] });
    await expect(getOne(pine, 'device', 7)).resolves.toBeUndefined();
    expect(requests.map((r) => r.url)).toEqual([
      `${PREFIX}device(uuid='u')?$select=id`,
      `${PREFIX}device(7)`,
    ]);
  });

  it('getMany reads a collection and passes request options on', async () => {
    const { transport, reply, requests } = createRecordingTransport();
    const pine = createPineClient({ apiUrl: API_URL, apiVersion: 'v7', transport });
    reply({ d: [{ id: 1 }, { id: 2 }] });
    await expect(
      getMany(pine, 'device', { $orderby: 'id asc' }, { timeout: 5 }),
    ).resolves.toHaveLength(2);
    expect(requests[0]).toEqual({
      method: 'GET',
      url: `${PREFIX}device?$orderby=id asc`,
      timeout: 5,
    });
  });
});
