// `import balena from 'balena-sdk'` gives what it gives with the official package: an object holding the
// three factory functions (the official package is CommonJS, so its default import is `module.exports`).
// Checked on the built files and, for TypeScript users, on the published declarations (ESM and CommonJS).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (file: string) => path.join(packageDir, 'dist', file);
const requireFromPackage = createRequire(path.join(packageDir, 'package.json'));

/** What a Node ESM `import x from 'balena-sdk'` gives with the official package: its `module.exports`. */
function officialDefaultKeys(): string[] {
  return Object.keys(requireFromPackage('official-balena-sdk') as object).sort();
}

function expectFactories(value: unknown): void {
  expect(Object.keys(value as object).sort()).toEqual(officialDefaultKeys());
  for (const fn of Object.values(value as object)) expect(typeof fn).toBe('function');
}

/** Type-checks a consumer file placed inside the package, so `'balena-sdk'` resolves to itself. */
function typeErrors(fileName: string, text: string): string[] {
  const file = path.join(packageDir, 'test/packaging/fixtures', fileName);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    esModuleInterop: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? text : readFile.call(host, name));
  host.getSourceFile = (name, languageVersion, ...rest) =>
    name === file
      ? ts.createSourceFile(name, text, languageVersion, true)
      : getSourceFile.call(host, name, languageVersion, ...rest);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const CONSUMER = `import balena from 'balena-sdk';
const sdk = balena.getSdk({ apiUrl: 'https://api.balena-cloud.com/' });
balena.setSharedOptions({ apiUrl: 'https://api.balena-cloud.com/' });
const shared = balena.fromSharedOptions();
export const apis = [sdk.models.device.get, shared.auth.whoami];
`;

describe('default export', () => {
  it('the ESM build (node condition) has the official default: the factory functions', async () => {
    const sdk = await import(/* @vite-ignore */ dist('node/index.mjs'));
    expectFactories(sdk.default);
    expect(sdk.default.getSdk).toBe(sdk.getSdk);
  });

  it('the browser ESM build has the same default', async () => {
    const sdk = await import(/* @vite-ignore */ dist('browser/index.js'));
    expectFactories(sdk.default);
  });

  it('the CJS build keeps the named exports on require() and the default for interop', () => {
    const sdk = requireFromPackage('balena-sdk');
    expect(typeof sdk.getSdk).toBe('function');
    expect(sdk.__esModule).toBe(true);
    expectFactories(sdk.default);
  });

  it('type-checks for ESM and CommonJS TypeScript consumers', () => {
    expect(typeErrors('default-import.mts', CONSUMER)).toEqual([]);
    expect(typeErrors('default-import.cts', CONSUMER)).toEqual([]);
    // The check sees the package's types: a member the default lacks is an error.
    const misuse = `import balena from 'balena-sdk';\nbalena.isBalenaError(new Error());\n`;
    expect(typeErrors('default-misuse.mts', misuse).join('\n')).toMatch(/isBalenaError/);
    expect(typeErrors('default-misuse.cts', misuse).join('\n')).toMatch(/isBalenaError/);
  });
});
