// The `balena-local` command: start-up, demo account, clean shutdown, data surviving restarts and kills.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiledServer } from '../src/testing/compiled-server.js';

const packageDir = new URL('..', import.meta.url).pathname;
const bin = path.join(packageDir, 'bin/balena-local.js');
// Most of a boot is PGlite compiling its WebAssembly and loading its data files (measured: 20 s of a 33 s boot at a
// load average of 16 on 2 cores), then importing pinejs (3 s there) and the model migration. The deadline only catches a hung boot, so it leaves room for a loaded CI machine; a boot that fails
// still fails at once (the child exits), and a slow one is reported with its time.
const BOOT_TIMEOUT_MS = 180_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

// Servers still running when a test fails are stopped in afterAll.
const startedChildren = new Set<ChildProcess>();

function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  startedChildren.add(child);
  child.once('exit', () => startedChildren.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No start within ${BOOT_TIMEOUT_MS} ms:\n${output}`)),
      BOOT_TIMEOUT_MS,
    );
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      // With --demo, wait for the credentials line too.
      if (match && (!args.includes('--demo') || /demo account/.test(output))) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code} before listening:\n${output}`));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode != null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function login(url: string, username: string, password: string): Promise<string> {
  const reply = await fetch(`${url}/login_`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(reply.status).toBe(200);
  return await reply.text();
}

async function appNames(url: string, token: string): Promise<string[]> {
  const reply = await fetch(
    `${url}/v7/application?$select=app_name&$filter=organization/any(o:o/handle%20eq%20'demo')&$orderby=app_name%20asc`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(reply.status).toBe(200);
  const body = (await reply.json()) as { d: Array<{ app_name: string }> };
  return body.d.map((row) => row.app_name);
}

let dataDir: string;

beforeAll(() => {
  // The command runs the compiled server (built by `npm test` first, or here when stale).
  ensureCompiledServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-local-cli-'));
}, 240_000);

afterAll(() => {
  for (const child of startedChildren) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('balena-local', () => {
  it('prints its usage with --help', () => {
    const usage = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(usage).toMatch(/--database-url <url>/);
  });

  it('rejects an unknown option', () => {
    expect(() => execFileSync(process.execPath, [bin, '--colour'], { stdio: 'pipe' })).toThrow(
      /colour/,
    );
  });

  it(
    'seeds a demo account, shuts down cleanly on SIGTERM and keeps the data across restarts',
    async () => {
      const first = await start(['--data', dataDir, '--demo']);
      expect(first.output()).toMatch(/email demo@balena-local\.test, password \S+/);
      const password = /password (\S+)/.exec(first.output())![1];
      const token = await login(first.url, 'demo@balena-local.test', password);
      expect(await appNames(first.url, token)).toEqual([
        'edge-gateways',
        'greenhouse-sensors',
        'living-room-displays',
      ]);
      const renamed = await fetch(
        `${first.url}/v7/application?$filter=app_name%20eq%20'edge-gateways'`,
        {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ app_name: 'edge-gateways-2' }),
        },
      );
      expect(renamed.status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await waitForExit(first.child)).toBe(0);
      expect(fs.existsSync(path.join(dataDir, '.s.PGSQL.5432'))).toBe(false);

      const second = await start(['--data', dataDir, '--demo']);
      expect(second.output()).toMatch(/Kept the demo account/);
      const again = await login(second.url, 'demo@balena-local.test', password);
      expect(await appNames(second.url, again)).toEqual([
        'edge-gateways-2',
        'greenhouse-sensors',
        'living-room-displays',
      ]);
      // A killed server leaves its socket behind; the next start must clear it.
      second.child.kill('SIGKILL');
      await waitForExit(second.child);
      expect(fs.existsSync(path.join(dataDir, '.s.PGSQL.5432'))).toBe(true);

      const third = await start(['--data', dataDir]);
      const thirdToken = await login(third.url, 'demo@balena-local.test', password);
      expect(await appNames(third.url, thirdToken)).toContain('edge-gateways-2');
      third.child.kill('SIGINT');
      expect(await waitForExit(third.child)).toBe(0);
    },
    4 * BOOT_TIMEOUT_MS,
  );
});
