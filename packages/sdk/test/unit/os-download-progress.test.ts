// The `'progress'` events of an OS image download stream carry the official field names (balena-sdk 23.2.15
// emits `{ total, received, eta, percentage }`) and `percent`, kept as an alias of `percentage`.
import { describe, expect, it } from 'vitest';
import { OsImageDownloadStream } from '../../src/models/os/download-stream.js';
import type { DownloadProgress } from '../../src/models/os/types.js';
import type { BalenaStreamResponse } from '../../src/transport/types.js';

/** The fields of the official SDK's progress event. */
const OFFICIAL_PROGRESS_FIELDS = ['eta', 'percentage', 'received', 'total'];

function responseOf(chunks: Uint8Array[], contentLength: number | undefined): BalenaStreamResponse {
  let index = 0;
  return {
    statusCode: 200,
    headers: new Headers(),
    url: 'http://127.0.0.1:9/download',
    mime: 'application/octet-stream',
    contentLength,
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index < chunks.length) controller.enqueue(chunks[index++]);
        else controller.close();
      },
    }),
  };
}

async function download(contentLength: number | undefined): Promise<DownloadProgress[]> {
  const chunks = [new Uint8Array(100), new Uint8Array(300)];
  const events: DownloadProgress[] = [];
  const stream = new OsImageDownloadStream({
    first: responseOf(chunks, contentLength),
    open: () => Promise.reject(new Error('no resume expected')),
    maxResumeAttempts: 0,
    verifyChecksum: false,
    signal: undefined,
  });
  stream.on('progress', (progress) => events.push(progress));
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    expect(chunk).toBeTruthy();
  return events;
}

describe('OS download progress events', () => {
  it('carry every field of the official event, with percent as an alias of percentage', async () => {
    const events = await download(400);
    expect(events.length).toBe(2);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(expect.arrayContaining(OFFICIAL_PROGRESS_FIELDS));
      expect(event.percent).toBe(event.percentage);
    }
    expect(events[0]).toMatchObject({ percentage: 25, total: 400, received: 100 });
    expect(events[1]).toMatchObject({ percentage: 100, percent: 100, total: 400, received: 400 });
  });

  it('leave percentage undefined when the size is unknown', async () => {
    const events = await download(undefined);
    expect(events.at(-1)).toMatchObject({ received: 400 });
    expect(events.at(-1)?.percentage).toBeUndefined();
    expect(events.at(-1)?.percent).toBeUndefined();
  });
});
