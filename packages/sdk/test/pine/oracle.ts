/**
 * The test oracle: pinejs-client-core 8.5.40 itself, with a request function that records what
 * it would send instead of sending it.
 */
import { PinejsClientCore } from 'pinejs-client-core';

export interface OracleRequest {
  method: string;
  url: string;
  body?: unknown;
}

type Responder = (request: OracleRequest) => unknown;

class RecordingOracle extends PinejsClientCore {
  public readonly sent: OracleRequest[] = [];
  public respond: Responder = () => ({ d: [] });

  async _request(params: {
    method: string;
    url: string;
    body?: unknown;
  }): Promise<NonNullable<unknown>> {
    const request = { method: params.method, url: params.url, body: params.body };
    this.sent.push(request);
    return (await this.respond(request)) as NonNullable<unknown>;
  }
}

/** Creates an oracle client whose URLs start with the given prefix. */
export function createOracle(apiPrefix = '/'): RecordingOracle {
  return new RecordingOracle({ apiPrefix });
}

/** Compiles with the oracle, returning the URL or the thrown error's message. */
export function oracleCompile(params: Record<string, unknown>): { url?: string; error?: string } {
  try {
    return { url: createOracle().compile(params as never) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
