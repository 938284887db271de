import type { PineTransport, PineTransportRequest } from '../../src/pine/index.js';

/** A transport that records every request and answers from a queue (or a default responder). */
export function createRecordingTransport(
  respond: (request: PineTransportRequest) => unknown = () => ({ d: [] }),
) {
  const requests: PineTransportRequest[] = [];
  const queue: Array<(request: PineTransportRequest) => unknown> = [];
  const transport: PineTransport = async (request) => {
    requests.push(request);
    const next = queue.shift() ?? respond;
    return next(request);
  };
  return {
    transport,
    requests,
    /** Answers the next request with the value (or by throwing it when `fail` is set). */
    reply(value: unknown, fail = false) {
      queue.push(() => {
        if (fail) {
          throw value;
        }
        return value;
      });
    },
  };
}

export const API_URL = 'https://api.example.test';
export const PREFIX = `${API_URL}/v7/`;
