// The SDK's resource types (`Device['Read']`, ...) generated from the same model the server serves.
import { abstractSqlToTypescriptTypes } from '@balena/abstract-sql-to-typescript/generate';
import { compileModel } from './index.js';

/** Where the generated file lives, relative to the repository root. */
export const SDK_TYPES_PATH = 'packages/sdk/src/types/v7.generated.ts';

// The generator imports its scalar types from its own package; the SDK must not depend on it, so the
// few it uses are declared inline, with the same shapes.
const GENERATOR_IMPORT = "import type { Types } from '@balena/abstract-sql-to-typescript';";
const INLINE_SCALAR_TYPES = `type WebResource = {
\tfilename: string;
\thref: string;
\tcontent_type?: string;
\tcontent_disposition?: string;
\tsize?: number;
\tchecksum?: string;
};

type Types = {
\t'Big Integer': { Read: string; Write: string | number | bigint };
\tBoolean: { Read: boolean; Write: boolean | 0 | 1 };
\t'Date Time': { Read: string; Write: string | number | Date };
\tHashed: { Read: string; Write: string };
\tInteger: { Read: number; Write: number };
\tJSON: { Read: object; Write: object };
\tSerial: { Read: number; Write: number };
\t'Short Text': { Read: string; Write: string };
\tText: { Read: string; Write: string };
\tWebResource: { Read: WebResource; Write: WebResource };
};`;

const HEADER = `// Generated from packages/server/src/model/balena.sbvr by \`npm run generate:types -w balena-local-api\`.
// Do not edit by hand. The \`Types\` map is declared here so the published types are self-contained.
`;

/**
 * Generates the text of the SDK's `types/v7.generated.ts` from the balena model.
 * @throws when the model does not compile or the generator's output changes shape.
 * @example
 * fs.writeFileSync(SDK_TYPES_PATH, generateSdkTypes());
 */
export function generateSdkTypes(): string {
  const generated = abstractSqlToTypescriptTypes(compileModel());
  if (!generated.includes(GENERATOR_IMPORT)) {
    throw new Error(
      'The type generator no longer imports its Types as expected; update generateSdkTypes',
    );
  }
  return HEADER + generated.replace(GENERATOR_IMPORT, INLINE_SCALAR_TYPES);
}
