/**
 * Version strings and ranges for the semver differential test: the spellings balenaOS devices
 * and OS releases report, ESR versions, prereleases, odd spacing and invalid strings, plus a
 * deterministic generated set.
 */
import fc from 'fast-check';

/** Hand-written version strings that exercise every rewrite rule. */
export const KNOWN_VERSIONS: readonly string[] = [
  'balenaOS 2.48.0+rev1',
  'balenaOS 2.48.0+rev1.prod',
  'balenaOS 2.48.0+rev1.dev',
  'balenaOS 2.48.0',
  'BalenaOS 2.88.4',
  'balena OS 2.88.4+rev3',
  'Resin OS 2.0.0-rc5.rev1',
  'Resin OS v2.0.2 (prod)',
  'Resin OS v2.0.2 (dev)',
  'Resin OS 1.2.1 (dev)',
  'Resin OS 2.3.0+rev1.prod',
  'Resin OS v2.3.0-a.b.c (prod)',
  'Resin OS 2.0.2+rev2 (prod)',
  'resinOS 2.12.7+rev1',
  'ResinOS 2.0.6+rev3.dev',
  '2.48.0+rev1',
  '2.48.0+rev1.prod',
  '2.48.0+rev1.dev',
  '2.48.0.rev1',
  '2.48.0.prod',
  '2.48.0.dev',
  '2.48.0.DEV',
  '2.48.0_rev1',
  '2.48.0_prod',
  '2.48.0 (prod)',
  '2.48.0 (dev)',
  '2.48.0-beta.1 (dev)',
  '2.48.0+rev1 (prod)',
  '2.0.0-beta.1+rev2.dev',
  '2.0.0-beta.1.rev2',
  '2.0.0-rc.1',
  '2.0.0-rc.10',
  '2.0.0-rc.2',
  '2.0.0-alpha',
  '2.0.0-0',
  '2.0.0-1',
  '2.0.0-x.7.z.92',
  '2.14.0+rev1',
  '2.16.0+rev1',
  '2.14.0',
  '2.16.0',
  '2.9.0+rev1',
  '6.0.39',
  '6.0.50+rev1',
  '6.0.50',
  '2023.1.0',
  '2023.1.0.prod',
  '2023.1.0+rev2',
  '2023.10.2',
  '2022.10.1+rev1.prod',
  'v2.3.0',
  'v1.2.3',
  'V1.2.3',
  '  2.1.0  ',
  '\t2.1.0\n',
  '1.02.3',
  '01.2.3',
  '1.2.03',
  '1.0.0-01',
  '1.2',
  '1',
  '1.2.3.4',
  '1.2.3-',
  '1.2.3+',
  '1.2.x',
  '2.x.y+rev3.prod',
  'foo',
  'Foo 1.2.3',
  'abc 3.4.5 def 6.7.8',
  '',
  ' ',
  'balenaOS',
  'rev1',
  '9007199254740991.0.0',
  '9007199254740992.0.0',
  '1.0.0-9007199254740992',
  '0.0.0',
  '0.0.1',
  '0.1.0',
  '10.0.0',
  '1.10.0',
  '1.9.0',
  '=1.2.3',
  `1.2.3-${'a'.repeat(260)}`,
];

/** Hand-written ranges, including unreadable ones. */
export const KNOWN_RANGES: readonly string[] = [
  '^2.0.0',
  '^2',
  '^2.48',
  '^0.1.2',
  '^0.0.3',
  '^0.1',
  '^0',
  '^2.0.0-rc.1',
  '^0.0.3-beta',
  '~2.48.0',
  '~2.48',
  '~2',
  '~>2.4.0',
  '~2.0.0-rc.1',
  '2.x',
  '2.48.x',
  '2.X',
  '*',
  'x',
  '',
  '>=2.14.0',
  '> 2.14.0',
  '>= 2.14.0 < 3',
  '<2.16.0',
  '<=2.16.0',
  '<=2.16',
  '<=2',
  '>2',
  '>2.1',
  '<2',
  '<2.1',
  '>*',
  '<*',
  '=2.48.0',
  '=2.x',
  'v2.48.0',
  '2.48.0',
  '2.48.0+rev1',
  '2.0.0 - 2.48.0',
  '2 - 3',
  '2.1 - 2.48',
  '2.0.0 - 2.48.0-rc.1',
  '* - 3',
  '^1.0.0 || ^2.0.0',
  '^1.0.0 || >=2023.0.0',
  '<0.0.0-0 || ^2',
  '* || 1.2.3',
  '>=0.0.0',
  '>=2.0.0-rc.1 <2.0.0',
  '2.0.0-rc.1',
  '^ 2.0.0',
  '~ 2.48.0',
  'balenaOS 2.48.0',
  'Resin OS v2.0.2 (prod)',
  'foo',
  'foo || ^2',
  '^2 foo',
  '>=a.b.c',
  '1.2.3.4',
  '^9007199254740992.0.0',
  '2023.x',
  '^2023.1.0',
];

/** A deterministic set of generated version strings in the many spellings. */
export function generatedVersions(count: number): string[] {
  const part = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(2023, 2024, 0));
  const pre = fc.oneof(
    fc.constant(''),
    fc.constantFrom('-rc.1', '-rc.2', '-beta', '-beta.1', '-0', '-alpha.1.b', '-rc5.rev1'),
  );
  const build = fc.constantFrom('', '+rev1', '+rev2', '+rev10', '+rev1.prod', '+rev1.dev', '.rev3');
  const suffix = fc.constantFrom('', '.prod', '.dev', ' (prod)', ' (dev)', '_rev2');
  const prefix = fc.constantFrom('', 'v', 'balenaOS ', 'Resin OS ', 'Resin OS v', ' ');
  const version = fc
    .tuple(prefix, part, part, part, pre, build, suffix)
    .map(([p, M, m, pt, pr, b, s]) => `${p}${M}.${m}.${pt}${pr}${b}${s}`);
  return fc.sample(version, { numRuns: count, seed: 4242 });
}

/** A deterministic set of generated ranges. */
export function generatedRanges(count: number): string[] {
  const part = fc.oneof(fc.integer({ min: 0, max: 7 }).map(String), fc.constantFrom('x', '*'));
  const partial = fc
    .tuple(part, fc.option(part), fc.option(part), fc.constantFrom('', '', '-rc.1', '-0'))
    .map(([M, m, p, pr]) => {
      const base = [M, m, p].filter((value) => value !== null).join('.');
      return m !== null && p !== null ? `${base}${pr}` : base;
    });
  const op = fc.constantFrom('', '^', '~', '>', '>=', '<', '<=', '=', '> ', '^ ');
  const comparator = fc.tuple(op, partial).map(([o, v]) => `${o}${v}`);
  const set = fc.oneof(
    fc.array(comparator, { minLength: 1, maxLength: 2 }).map((items) => items.join(' ')),
    fc.tuple(partial, partial).map(([a, b]) => `${a} - ${b}`),
  );
  const range = fc.array(set, { minLength: 1, maxLength: 2 }).map((sets) => sets.join(' || '));
  return fc.sample(range, { numRuns: count, seed: 1717 });
}
