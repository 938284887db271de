// Keeps docs/migrating.md honest where a machine can check it: the SDK paths, options, defaults, types and
// facts it names are compared with the code (source parsed with the TypeScript parser, a real SDK instance).
import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as publicApi from '../../src/index.js';
import { resolveConfig } from '../../src/config.js';
import { getSdk } from '../../src/sdk.js';
import { readSettings as readBrowserSettings } from '../../src/platform/browser.js';
import {
  DEFAULT_LOGS_IDLE_TIMEOUT_MS,
  DEFAULT_RECONNECT_INITIAL_DELAY_MS,
  DEFAULT_RECONNECT_MAX_DELAY_MS,
} from '../../src/logs/subscription.js';
import { DEFAULT_TRANSIENT_RETRY } from '../../src/transport/middleware/retry-transient.js';
import { MODEL_SUBPATHS } from '../../scripts/subpaths.mjs';
import { NOT_IMPLEMENTED_YET } from '../api/method-parity.pending.js';

const DOC_URL = new URL('../../../../docs/migrating.md', import.meta.url);
const doc = fs.readFileSync(DOC_URL, 'utf8');
const sdk = getSdk({ apiUrl: 'http://127.0.0.1:9/', dataDirectory: false });

/** Paths the guide names as absent on purpose. */
const DOCUMENTED_AS_ABSENT = ['pine._request', 'pine.passthroughByMethod'];

/** The text of a `##`/`###` section, up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const level = heading.split(' ')[0];
  const start = doc.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`missing section ${heading}`);
  const rest = doc.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{2,${level.length}} `));
  return next === -1 ? rest : rest.slice(0, next);
}

function inlineCodes(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);
}

/** First cells (inline code) of the table rows of a text. */
function firstColumn(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]);
}

function lookup(path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node == null ? undefined : (node as never)[key]), sdk);
}

/** Member names of an interface declared in a source file. */
function interfaceMembers(file: string | URL, name: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(String(file), text, ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) {
      return statement.members.map((member) => member.name?.getText(source) ?? '');
    }
  }
  throw new Error(`interface ${name} not found in ${String(file)}`);
}

const src = (path: string) => new URL(`../../src/${path}`, import.meta.url);
const officialIndex = new URL(
  '../../../../node_modules/official-balena-sdk/es2018/index.d.ts',
  import.meta.url,
);

describe('docs/migrating.md', () => {
  it('names only sdk paths that exist, apart from the ones it says are absent', () => {
    const named = new Set(
      [...doc.matchAll(/\bsdk\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g)].map((m) => m[1]),
    );
    expect(named.size).toBeGreaterThan(30);
    const prototypeCodes = [...named].filter((path) => path.endsWith('.prototype.code'));
    const missing = [...named]
      .filter((path) => !prototypeCodes.includes(path) && !DOCUMENTED_AS_ABSENT.includes(path))
      .filter((path) => lookup(path) === undefined);
    expect(missing).toEqual([]);
    for (const path of DOCUMENTED_AS_ABSENT) {
      expect(named).toContain(path);
      expect(lookup(path)).toBeUndefined();
    }
    // What the guide says about error prototypes: the code is there, equal to the class name.
    expect(prototypeCodes.length).toBeGreaterThan(0);
    for (const path of prototypeCodes) expect(lookup(path)).toBe(path.split('.').at(-3));
    expect(new sdk.errors.BalenaDeviceNotFound('x').code).toBe('BalenaDeviceNotFound');
  });

  it('lists every iterate/count sibling on an SDK instance, and only those', () => {
    const table = section('### Paging and counting on collections');
    const documented = table
      .split('\n')
      .filter((line) => line.startsWith('| `sdk.models'))
      .flatMap((line) => {
        const [namespace, ...suffixes] = inlineCodes(line);
        return suffixes.flatMap((suffix) =>
          ['iterate', 'count'].map((verb) => `${namespace.slice(4)}.${verb}${suffix}`),
        );
      });
    const actual: string[] = [];
    const visit = (node: object, path: string, depth: number) => {
      for (const key of Object.keys(node)) {
        const value: unknown = (node as Record<string, unknown>)[key];
        if (typeof value === 'function' && /^(iterate|count)All/.test(key)) {
          actual.push(`${path}.${key}`);
        } else if (value !== null && typeof value === 'object' && depth < 3) {
          visit(value, `${path}.${key}`, depth + 1);
        }
      }
    };
    visit(sdk.models, 'models', 0);
    expect([...documented].sort()).toEqual([...actual].sort());
  });

  it('names every getSdk() option, telling the official ones from the new ones', () => {
    const options = section('## Options');
    const ours = interfaceMembers(src('config.ts'), 'SdkOptions');
    const official = [...interfaceMembers(officialIndex, 'SdkOptions'), 'apiVersion'];
    const officialSentence = options.slice(0, options.indexOf('New options:'));
    const documentedOfficial = inlineCodes(officialSentence).filter((code) => ours.includes(code));
    const newTable = options.slice(
      options.indexOf('New options:'),
      options.indexOf('whose effect'),
    );
    const documentedNew = firstColumn(newTable);
    expect([...documentedOfficial].sort()).toEqual([...official].sort());
    expect([...documentedNew, ...documentedOfficial].sort()).toEqual([...ours].sort());
    for (const changed of firstColumn(options.slice(options.indexOf('whose effect')))) {
      expect(ours).toContain(changed.replace(/ .*$/, ''));
    }
  });

  it('states the defaults of the new options as resolveConfig applies them', () => {
    const resolved = resolveConfig({}) as unknown as Record<string, unknown>;
    const configKey: Record<string, string> = { requestTimeout: 'requestTimeoutMs' };
    const rows = section('## Options').match(/^\| `\w+` +\| `(\d+|true|false)` .*$/gm) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const [option, written] = inlineCodes(row);
      expect(resolved[configKey[option] ?? option], option).toEqual(JSON.parse(written));
    }
    const transient = /`\{ ([\w, ]+) \}` \(defaults ([\d, ]+)\)/.exec(doc);
    expect(transient).not.toBeNull();
    const names = transient![1].split(', ');
    expect(names).toEqual(Object.keys(DEFAULT_TRANSIENT_RETRY));
    expect(transient![2].split(', ').map(Number)).toEqual(
      names.map((name) => DEFAULT_TRANSIENT_RETRY[name as keyof typeof DEFAULT_TRANSIENT_RETRY]),
    );
  });

  it('names the per-call options and the iterate page size as the types declare them', () => {
    const heading = /### Per-call options: `\{ ([\w, ]+) \}`/.exec(doc);
    expect(heading![1].split(', ')).toEqual(
      interfaceMembers(src('transport/types.ts'), 'CallOptions'),
    );
    expect(doc).toContain('{ pageSize, signal, headers, timeout }');
    expect(interfaceMembers(src('pine/client-types.ts'), 'IterateOptions')).toEqual(['pageSize']);
  });

  it('describes the log subscription options, defaults and events of the code', () => {
    const logs = section('### Logs: reconnect, resume, lifecycle events, async iteration');
    const added = interfaceMembers(src('logs/types.ts'), 'LogsSubscribeOptions');
    expect([...firstColumn(logs)].sort()).toEqual([...added].sort());
    const idleRow = logs.split('\n').find((line) => line.startsWith('| `idleTimeoutMs`')) ?? '';
    expect(inlineCodes(idleRow)[1]).toBe(String(DEFAULT_LOGS_IDLE_TIMEOUT_MS));
    expect(logs).toContain(`\`initialDelayMs\` ${DEFAULT_RECONNECT_INITIAL_DELAY_MS}`);
    expect(logs).toContain(`\`maxDelayMs\` ${DEFAULT_RECONNECT_MAX_DELAY_MS}`);
    const events = interfaceMembers(src('logs/types.ts'), 'LogsSubscriptionEvents');
    const documented = /Events (.+) report the connection's life/.exec(logs)![1];
    expect(['line', 'error', ...inlineCodes(documented)].sort()).toEqual([...events].sort());
  });

  it('describes the OS download options and progress event of the code', () => {
    const os = section(
      '### OS image downloads with progress, resume and checksum, in browsers too',
    );
    for (const option of interfaceMembers(src('models/os/types.ts'), 'DownloadBehaviour')) {
      expect(os).toContain(`\`${option}\``);
    }
    const progress = interfaceMembers(src('models/os/types.ts'), 'DownloadProgress');
    expect(doc).toContain(`\`{ ${progress.join(', ')} }\``);
    expect(progress).toContain('percentage');
  });

  it('states facts of the package that code can check', async () => {
    expect(sdk.interceptors).toEqual([]);
    expect(Object.keys(publicApi.default).sort()).toEqual([
      'fromSharedOptions',
      'getSdk',
      'setSharedOptions',
    ]);
    expect('OsImageChecksumError' in sdk.errors).toBe(true);
    expect(publicApi).toHaveProperty('OsImageChecksumError');
    for (const name of [
      'isBalenaError',
      'SDK_VERSION',
      'BalenaNetworkError',
      'BalenaRequestTimeoutError',
    ]) {
      expect(publicApi).toHaveProperty(name);
    }
    const balenaNames = inlineCodes(doc).filter((code) => /^Balena\w+$/.test(code));
    expect(balenaNames.filter((name) => !(name in sdk.errors))).toEqual([]);
    const browserMessage = await readBrowserSettings().catch((error: Error) => error.message);
    expect(doc).toContain(`\`${browserMessage}\``);
  });

  it('lists the model subpaths and the still missing official paths', () => {
    const subpaths = /Each model has its subpath:\n?([\s\S]+?)\. `getSdk\(\)`/.exec(doc)![1];
    const files = inlineCodes(subpaths).map((code) => code.replace('balena-sdk/models/', ''));
    expect(files.sort()).toEqual(MODEL_SUBPATHS.map(({ file }) => file).sort());
    const pending = NOT_IMPLEMENTED_YET.flatMap((group) => group.paths);
    if (pending.length === 0)
      expect(doc).toContain('`packages/sdk/test/api/method-parity.pending.ts` (empty)');
    for (const path of pending) expect(doc).toContain(`\`sdk.${path}\``);
  });

  it('maps official type names to types the generated model exports', () => {
    const ours = fs.readFileSync(src('types/v7.generated.ts'), 'utf8');
    const official = fs.readFileSync(new URL('types/v7.d.ts', officialIndex), 'utf8');
    const rows = [...section('### TypeScript').matchAll(/^ *\| `(\w+)` +\| `(\w+)` +\|$/gm)];
    expect(rows.length).toBeGreaterThan(20);
    for (const [, officialName, ourName] of rows) {
      expect(official, officialName).toMatch(new RegExp(`export interface ${officialName} \\{`));
      expect(ours, ourName).toMatch(new RegExp(`export interface ${ourName} \\{`));
    }
  });

  it('links only to files that exist', () => {
    const links = [...doc.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(fs.existsSync(new URL(link, DOC_URL)), link).toBe(true);
  });
});
