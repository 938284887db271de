// Generates the API reference (docs/reference/*.md) from the SDK's TSDoc.
//
//   node scripts/generate-reference.mjs          writes docs/reference/
//   node scripts/generate-reference.mjs --check  exits 1 when docs/reference/ is out of date
//
// The SDK's public surface is a tree of plain objects of functions built by factories, so the
// pages follow the paths of that tree (`sdk.models.device.get`), read from the type `getSdk()`
// returns. Methods that the official SDK does not have (scripts/reference/official-methods.txt,
// the member paths of balena-sdk 23) are marked as additions.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { collectReference } from './reference/collect.mjs';
import { renderReference } from './reference/render.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the pages are written, relative to the repository root. */
export const REFERENCE_DIR = 'docs/reference';
const OFFICIAL_METHODS = 'scripts/reference/official-methods.txt';

async function readOfficialPaths(root) {
  const text = await readFile(path.join(root, OFFICIAL_METHODS), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/**
 * Builds the reference in memory.
 *
 * @param root - the repository root (defaults to this checkout).
 * @returns `files` (file name to formatted Markdown) and `entries` (every documented member).
 */
export async function generateReference(root = ROOT) {
  const model = collectReference(root);
  const pages = renderReference(model, await readOfficialPaths(root));
  const files = new Map();
  for (const [name, markdown] of pages) {
    const filepath = path.join(root, REFERENCE_DIR, name);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    files.set(name, await prettier.format(markdown, { ...options, filepath }));
  }
  return { files, entries: model.entries, namespaces: model.namespaces };
}

/**
 * Reads the committed pages.
 *
 * @param root - the repository root.
 * @returns file name to content, for every `.md` file of the reference folder.
 */
export async function readCommittedReference(root = ROOT) {
  const dir = path.join(root, REFERENCE_DIR);
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.md'));
  const files = new Map();
  for (const name of names.sort()) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

/**
 * The names of pages that differ between two sets (added, removed or changed).
 *
 * @param expected - the generated pages.
 * @param actual - the committed pages.
 * @returns the differing file names, sorted.
 */
export function differingPages(expected, actual) {
  const names = new Set([...expected.keys(), ...actual.keys()]);
  return [...names].filter((name) => expected.get(name) !== actual.get(name)).sort();
}

async function main() {
  const { files, entries } = await generateReference();
  const dir = path.join(ROOT, REFERENCE_DIR);
  if (process.argv.includes('--check')) {
    const stale = differingPages(files, await readCommittedReference());
    if (stale.length) {
      console.error(
        `${REFERENCE_DIR} is out of date (${stale.join(', ')}): run npm run docs:reference`,
      );
      process.exit(1);
    }
    return;
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, content] of files) await writeFile(path.join(dir, name), content);
  const missing = entries.filter(
    (entry) => entry.kind !== 'option' && entry.kind !== 'property' && !entry.summary,
  );
  console.log(`${files.size} pages, ${entries.length} entries written to ${REFERENCE_DIR}/`);
  if (missing.length)
    console.warn(`No TSDoc summary: ${missing.map((entry) => entry.path).join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
