/// <reference types="node" />
// Runs the compile-only type tests in this folder (files with @ts-expect-error) through tsc.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function runTsc(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tscPath, '--noEmit', '-p', here], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('type tests', () => {
  it('compile with every @ts-expect-error used and every assertion true', async () => {
    const { code, output } = await runTsc();
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
