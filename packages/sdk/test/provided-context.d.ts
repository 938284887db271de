// Values the `sdk-api` project's global setup provides to every test file (see vitest.api.config.ts).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the local API started for this test run. */
    apiUrl: string;
  }
}
