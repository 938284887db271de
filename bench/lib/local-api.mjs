// Starts the built local API (`packages/server/dist`) in a child process on a free port with an
// in-memory database, so the API has its own core and the bench process only runs the SDKs.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SERVER_DIR = new URL('../../packages/server/', import.meta.url).pathname;
// Inside the repository, so the copy still resolves its dependencies from the root node_modules.
const SNAPSHOT_DIR = new URL('../.snapshot/server/', import.meta.url).pathname;

/**
 * Copies the built API (`bin`, `dist`, package.json) to `bench/.snapshot/server`, so a rebuild of the
 * workspace during a bench run cannot remove files under the running API.
 * @returns the snapshot folder.
 * @throws when the API is not built (`npm run build -w balena-local-api`).
 * @example
 * snapshotBuiltApi();
 */
export function snapshotBuiltApi() {
  if (!existsSync(path.join(SERVER_DIR, 'dist/cli.js'))) {
    throw new Error('packages/server/dist is missing: run `npm run build -w balena-local-api`');
  }
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  for (const entry of ['bin', 'dist', 'package.json']) {
    cpSync(path.join(SERVER_DIR, entry), path.join(SNAPSHOT_DIR, entry), { recursive: true });
  }
  return SNAPSHOT_DIR;
}

function cliPath() {
  const snapshot = path.join(SNAPSHOT_DIR, 'bin/balena-local.js');
  return existsSync(snapshot) ? snapshot : path.join(SERVER_DIR, 'bin/balena-local.js');
}

/**
 * Starts the API and resolves once it listens.
 * @param env - extra environment variables for the API process.
 * @returns `{ url, stop() }`.
 * @throws when the API exits before listening (its output is in the message).
 * @example
 * const api = await startLocalApi();
 * api.stop();
 */
export function startLocalApi(env = {}) {
  const child = spawn(process.execPath, [cliPath(), '--port', '0', '--data', 'memory://'], {
    env: {
      ...process.env,
      PINEJS_CACHE_FILE: path.join(os.tmpdir(), 'balena-local-api-pinejs-cache.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (data) => {
    output += data;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (data) => {
      output += data;
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        child.removeAllListeners('exit');
        resolve({
          url: match[1].replace(/\/$/, ''),
          stop: () => stopChild(child),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`API exited with ${code}: ${output}`)));
  });
}

// Resolves once the API process is gone; SIGKILL after 10 s if it does not stop on SIGTERM.
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const done = () => {
      clearTimeout(force);
      resolve();
    };
    child.once('exit', done);
    child.once('close', done);
    child.kill('SIGTERM');
  });
}

/**
 * Registers a user over HTTP (the same route the test helper uses) and returns its credentials.
 * @param apiUrl - the API base URL.
 * @param label - a prefix of the user name.
 * @returns `{ email, password, username }`.
 * @throws when registration fails.
 * @example
 * const user = await registerUser(api.url, 'bench');
 */
export async function registerUser(apiUrl, label) {
  const username = `${label}_${process.pid}_${Date.now().toString(36)}`;
  const email = `${username}@example.com`;
  const password = `pw-${username}-Secret!`;
  const response = await fetch(`${apiUrl}/user/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, username }),
  });
  if (!response.ok)
    throw new Error(`register ${email}: ${response.status} ${await response.text()}`);
  return { email, password, username };
}
