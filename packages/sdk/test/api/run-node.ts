// Runs a Node program (an example, the README tour) as a child process against the test server, the
// way a user runs it: plain `node`, `balena-sdk` resolved from the workspace's built package.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (examples/ and README.md live there). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The built entries of `balena-sdk` that `node` loads for `import` and `require`. */
const SDK_ENTRIES = ['packages/sdk/dist/node/index.mjs', 'packages/sdk/dist/node/index.cjs'];

/**
 * Fails with the fix when the SDK is not built (a program would die with "Cannot find module").
 *
 * @throws {Error} naming `npm run build` when an entry of the built package is missing.
 * @example
 * beforeAll(() => assertSdkBuilt());
 */
export function assertSdkBuilt(): void {
  const missing = SDK_ENTRIES.filter((entry) => !existsSync(path.join(REPO_ROOT, entry)));
  if (missing.length > 0) {
    throw new Error(`The SDK is not built (${missing.join(', ')} missing): run \`npm run build\``);
  }
}

/** What a finished program printed and how it exited. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running program: its output so far, and its end. */
export interface RunningNode {
  child: ChildProcess;
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** Resolves when stdout has printed text matching `pattern` (rejects if the program ends first). */
  waitForOutput(pattern: RegExp): Promise<void>;
  /** Resolves when the program exits. */
  done: Promise<NodeRun>;
}

/**
 * Starts `node <args>` in the repository root with extra environment variables.
 *
 * @param args - the script path (relative to the root) and its arguments, or `--input-type` etc.
 * @param env - variables added to the environment (API URL, credentials).
 * @param stdin - text written to the program's standard input, if any.
 * @returns the running program.
 * @throws never; a failing program shows in `done` (exit code and stderr).
 * @example
 * const run = startNode(['examples/node-esm.mjs'], { BALENA_API_URL: apiUrl });
 * const { code, stdout } = await run.done;
 */
export function startNode(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): RunningNode {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const watcher of watchers) watcher();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(stdin);
  const done = new Promise<NodeRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
      for (const watcher of watchers) watcher();
    });
  });
  return {
    child,
    stdout: () => stdout,
    done,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(stdout)) {
            watchers.delete(check);
            resolve();
          } else if (child.exitCode !== null) {
            watchers.delete(check);
            reject(new Error(`Exited before printing ${pattern}: ${stdout}\n${stderr}`));
          }
        };
        watchers.add(check);
        check();
      }),
  };
}
