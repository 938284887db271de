// Install footprint: `npm pack` our SDK and install the tarball into an empty folder, next to the
// official balena-sdk installed the same way; counts packages and bytes on disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ratio } from './lib/stats.mjs';
import { oursDir } from './lib/sdk-snapshot.mjs';

const OFFICIAL_VERSION = '23.2.15';
const sdkDir = oursDir();

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function diskBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += diskBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

function countPackages(nodeModules) {
  let count = 0;
  if (!existsSync(nodeModules)) return 0;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const full = path.join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) count += countPackages(full);
    else {
      count += 1;
      count += countPackages(path.join(full, 'node_modules'));
    }
  }
  return count;
}

function installInto(spec) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-install-'));
  npm(['init', '-y'], dir);
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', spec], dir);
  const nodeModules = path.join(dir, 'node_modules');
  return { packages: countPackages(nodeModules), bytes: diskBytes(nodeModules) };
}

const packDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pack-'));
const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], sdkDir));
const ours = { ...installInto(path.join(packDir, packed.filename)), tarballBytes: packed.size };
const official = installInto(`balena-sdk@${OFFICIAL_VERSION}`);

console.log(
  JSON.stringify(
    {
      ours,
      official,
      ratio: {
        packages: ratio(ours.packages, official.packages),
        bytes: ratio(ours.bytes, official.bytes),
      },
    },
    null,
    2,
  ),
);
