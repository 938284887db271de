import type { RecordedRequest } from './recording-proxy.mjs';
import type { FleetScenarioResult } from './fleet-scenario.mjs';

export interface RunRecording {
  recording: RecordedRequest[];
  result: FleetScenarioResult;
}

export interface CanonicalRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  body: unknown;
  auth: string;
}

export interface WireComparison {
  ours: number;
  official: number;
  identical: number;
  steps: Array<{ step: string; ours: number; official: number; identical: number }>;
  onlyOurs: Array<{ step: string; count: number; request: CanonicalRequest }>;
  onlyOfficial: Array<{ step: string; count: number; request: CanonicalRequest }>;
  omitted: Array<{ step: string; count: number; request: CanonicalRequest; reason: string }>;
}

export const DELIBERATE_OMISSIONS: ReadonlyArray<{
  steps: string[];
  method: string;
  path: string;
  query: Array<[string, string]>;
  body?: unknown;
  reason: string;
}>;

export function labelsOf(result: FleetScenarioResult): {
  strings: Map<string, string>;
  ids: Set<number>;
};
export function canonicalRequest(
  entry: RecordedRequest,
  labels: { strings: Map<string, string>; ids: Set<number> },
): string;
export function compareRecordings(ours: RunRecording, official: RunRecording): WireComparison;
