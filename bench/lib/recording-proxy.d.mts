/** One request as the proxy recorded it. */
export interface RecordedRequest {
  step: string;
  method: string;
  path: string;
  query: Array<[string, string]>;
  body: unknown;
  auth: 'bearer-jwt' | 'bearer-key' | 'query-apikey' | 'other' | 'none';
}

/** What the proxy counted since the last reset. */
export interface ProxyCounters {
  requests: number;
  requestBytes: number;
  responseBytes: number;
  rateLimited: number;
  upstreamErrors: number;
}

/** A running recording proxy. */
export interface RecordingProxy {
  url: string;
  counters(): ProxyCounters;
  resetCounters(): void;
  mark(step: string): void;
  takeRecording(): RecordedRequest[];
  close(): Promise<void>;
}

export function startRecordingProxy(options: {
  target: string;
  rateLimit?: { share: number; retryAfterSeconds: number; seed?: number };
  latencyMs?: number;
}): Promise<RecordingProxy>;
