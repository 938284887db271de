// The root exports every name the official SDK's root exports, except the ones docs/migrating.md lists as
// having no counterpart; the official names of renamed resources are aliases of the generated types.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const officialIndex = fileURLToPath(
  new URL('../../../../node_modules/official-balena-sdk/es2018/index.d.ts', import.meta.url),
);
const ourIndex = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const aliases = fs.readFileSync(
  new URL('../../src/official-type-names.ts', import.meta.url),
  'utf8',
);
const doc = fs.readFileSync(new URL('../../../../docs/migrating.md', import.meta.url), 'utf8');

/** Names a module exports (types and values), as the TypeScript compiler resolves them. */
function exportedNames(file: string): Set<string> {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return new Set(checker.getExportsOfModule(module).map((symbol) => symbol.getName()));
}

function section(start: string, end: string): string {
  const from = doc.indexOf(start);
  return doc.slice(from, doc.indexOf(end, from));
}

describe('official type names', () => {
  it('are all exported, apart from the ones the migrating guide lists as having no counterpart', () => {
    const official = exportedNames(officialIndex);
    const ours = exportedNames(ourIndex);
    const missing = [...official].filter((name) => !ours.has(name)).sort();
    const listed = [
      ...section('- Root type exports with no counterpart here', '\n\n').matchAll(/`(\w+)`/g),
    ]
      .map((match) => match[1])
      .filter((name) => official.has(name))
      .sort();
    expect(official.size).toBeGreaterThan(100);
    expect(missing).toEqual(listed);
    expect(missing.length).toBeLessThanOrEqual(24);
  });

  it('of renamed resources are aliases of the generated types the guide names', () => {
    const rows = [
      ...section('### TypeScript', '\n## ').matchAll(/^ *\| `(\w+)` +\| `(\w+)` +\|$/gm),
    ];
    expect(rows.length).toBeGreaterThan(20);
    for (const [, officialName, ourName] of rows) {
      expect(aliases).toContain(`export type ${officialName} = ${ourName};`);
    }
  });
});
