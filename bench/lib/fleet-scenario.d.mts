/** What the scenario created, to label run-specific values when comparing recordings. */
export interface FleetScenarioResult {
  fleet: { id: number; slug: string; uuid: string; name: string };
  release: { id: number; commit: string };
  devices: Array<{ id: number; uuid: string }>;
  readBackCount: number;
  fleetDeleteError?: string;
}

export interface FleetScenarioOptions {
  credentials: { email: string; password: string };
  organization: string;
  fleetName: string;
  deviceCount: number;
  concurrency: number;
  mark(step: string): void;
}

export const FLEET_SCENARIO_STEPS: string[];

export function mapWithConcurrency<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]>;

/** Runs the scenario through either SDK (this one or the official); only public v23 API is used. */
export function runFleetScenario(
  sdk: unknown,
  options: FleetScenarioOptions,
): Promise<FleetScenarioResult>;
