/**
 * Version ranges (`^2.0.0`, `~2.48`, `2.x`, `>=2.14.0 <3`, `2.0.0 - 2.4.0`, `a || b`) with the
 * loose-mode rules node-semver applies, and the balenaOS `satisfies` / `maxSatisfying` built on
 * them. A range that cannot be read satisfies nothing.
 */
import {
  comparePrecedence,
  gt,
  normalizeVersionText,
  parseStrictSemver,
  type ParsedVersion,
  type VersionInput,
} from './semver.js';

type Operator = '' | '<' | '<=' | '>' | '>=';

/** One comparator; `version` undefined means "any version". */
interface Comparator {
  operator: Operator;
  version: Omit<ParsedVersion, 'raw'> | undefined;
  text: string;
}

const PART = '\\d+|x|X|\\*';
const PRE_ID = '(?:\\d+|\\d*[a-zA-Z-][a-zA-Z0-9-]*)';
const PRE = `(?:-?(${PRE_ID}(?:\\.${PRE_ID})*))`;
const BUILD = '(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))';
const X_RANGE_PLAIN = `[v=\\s]*(${PART})(?:\\.(${PART})(?:\\.(${PART})(?:${PRE})?${BUILD}?)?)?`;
const LOOSE_PLAIN = `[v=\\s]*(\\d+)\\.(\\d+)\\.(\\d+)${PRE}?${BUILD}?`;
const OPERATOR = '((?:<|>)?=?)';

const BUILD_PART = new RegExp(BUILD, 'g');
const HYPHEN_RANGE = new RegExp(`^\\s*(${X_RANGE_PLAIN})\\s+-\\s+(${X_RANGE_PLAIN})\\s*$`);
const OPERATOR_GAP = new RegExp(`(\\s*)${OPERATOR}\\s*(${LOOSE_PLAIN}|${X_RANGE_PLAIN})`, 'g');
const TILDE_GAP = /(\s*)~>?\s+/g;
const CARET_GAP = /(\s*)\^\s+/g;
const CARET = new RegExp(`^\\^${X_RANGE_PLAIN}$`);
const TILDE = new RegExp(`^~>?${X_RANGE_PLAIN}$`);
const X_RANGE = new RegExp(`^${OPERATOR}\\s*${X_RANGE_PLAIN}$`);
const STAR = /(<|>)?=?\s*\*/;
const GTE_ZERO = /^\s*>=\s*0\.0\.0\s*$/;
const LOOSE_COMPARATOR = new RegExp(`^${OPERATOR}\\s*(${LOOSE_PLAIN})$|^$`);
const LOOSE_VERSION = new RegExp(`^${LOOSE_PLAIN}$`);
const NULL_SET = '<0.0.0-0';

const isWildcard = (part: string | undefined): boolean =>
  !part || part.toLowerCase() === 'x' || part === '*';

function hyphenToComparators(...groups: Array<string | undefined>): string {
  const [, from, fM, fm, fp, _fpr, , to, tM, tm, tp, tpr] = groups;
  let lower: string;
  if (isWildcard(fM)) lower = '';
  else if (isWildcard(fm)) lower = `>=${fM}.0.0`;
  else if (isWildcard(fp)) lower = `>=${fM}.${fm}.0`;
  else lower = `>=${from}`;
  let upper: string;
  if (isWildcard(tM)) upper = '';
  else if (isWildcard(tm)) upper = `<${Number(tM) + 1}.0.0-0`;
  else if (isWildcard(tp)) upper = `<${tM}.${Number(tm) + 1}.0-0`;
  else if (tpr) upper = `<=${tM}.${tm}.${tp}-${tpr}`;
  else upper = `<=${to}`;
  return `${lower} ${upper}`.trim();
}

function expandCaret(text: string): string {
  return text.replace(CARET, (_all, M: string, m?: string, p?: string, pr?: string) => {
    if (isWildcard(M)) return '';
    if (isWildcard(m)) return `>=${M}.0.0 <${Number(M) + 1}.0.0-0`;
    if (isWildcard(p)) {
      return M === '0'
        ? `>=${M}.${m}.0 <${M}.${Number(m) + 1}.0-0`
        : `>=${M}.${m}.0 <${Number(M) + 1}.0.0-0`;
    }
    const lower = `>=${M}.${m}.${p}${pr ? `-${pr}` : ''}`;
    if (M !== '0') return `${lower} <${Number(M) + 1}.0.0-0`;
    if (m !== '0') return `${lower} <${M}.${Number(m) + 1}.0-0`;
    return `${lower} <${M}.${m}.${Number(p) + 1}-0`;
  });
}

function expandTilde(text: string): string {
  return text.replace(TILDE, (_all, M: string, m?: string, p?: string, pr?: string) => {
    if (isWildcard(M)) return '';
    if (isWildcard(m)) return `>=${M}.0.0 <${Number(M) + 1}.0.0-0`;
    if (isWildcard(p)) return `>=${M}.${m}.0 <${M}.${Number(m) + 1}.0-0`;
    return `>=${M}.${m}.${p}${pr ? `-${pr}` : ''} <${M}.${Number(m) + 1}.0-0`;
  });
}

function expandXRange(text: string): string {
  return text.replace(X_RANGE, (all, op: string, M: string, m?: string, p?: string) => {
    // A wildcard followed by a number (`*.0.6`, `1.x.6`) is not an X-range.
    if ((isWildcard(M) && !isWildcard(m)) || (isWildcard(m) && p && !isWildcard(p))) return text;
    const majorX = isWildcard(M);
    const minorX = majorX || isWildcard(m);
    const anyX = minorX || isWildcard(p);
    const operator = op === '=' && anyX ? '' : op;
    if (majorX) return operator === '>' || operator === '<' ? NULL_SET : '*';
    if (operator && anyX) {
      let [major, minor] = [Number(M), minorX ? 0 : Number(m)];
      let bound = operator;
      if (operator === '>') {
        bound = '>=';
        if (minorX) [major, minor] = [major + 1, 0];
        else minor += 1;
      } else if (operator === '<=') {
        bound = '<';
        if (minorX) major += 1;
        else minor += 1;
      }
      return `${bound}${major}.${minor}.0${bound === '<' ? '-0' : ''}`;
    }
    if (minorX) return `>=${M}.0.0 <${Number(M) + 1}.0.0-0`;
    if (anyX) return `>=${M}.${m}.0 <${M}.${Number(m) + 1}.0-0`;
    return all;
  });
}

function expandComparator(text: string): string {
  const expanded = text
    .split(/\s+/)
    .map(expandCaret)
    .join(' ')
    .split(/\s+/)
    .map(expandTilde)
    .join(' ')
    .split(/\s+/)
    .map(expandXRange)
    .join(' ');
  return expanded.trim().replace(STAR, '');
}

function toComparator(text: string): Comparator | null {
  const match = LOOSE_COMPARATOR.exec(text);
  if (match === null) return null;
  const operator = (match[1] === '=' ? '' : (match[1] ?? '')) as Operator;
  if (!match[2]) return { operator, version: undefined, text: '' };
  const version = parseLooseVersion(match[2]);
  if (version === null) throw new RangeError(`Invalid version in range: ${text}`);
  return { operator, version, text: `${operator}${version.version}` };
}

function parseLooseVersion(text: string): Omit<ParsedVersion, 'raw'> | null {
  const match = LOOSE_VERSION.exec(text.trim());
  if (match === null) return null;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  const prerelease = match[4] === undefined ? [] : match[4].split('.').map(toLooseIdentifier);
  const version =
    `${major}.${minor}.${patch}` + (prerelease.length > 0 ? `-${prerelease.join('.')}` : '');
  return { major, minor, patch, prerelease, build: [], version };
}

function toLooseIdentifier(id: string): string | number {
  const value = Number(id);
  return /^\d+$/.test(id) && value < Number.MAX_SAFE_INTEGER ? value : id;
}

function parseComparatorSet(text: string): Comparator[] {
  let range = text.replace(BUILD_PART, '');
  range = range.replace(HYPHEN_RANGE, hyphenToComparators);
  range = range.replace(OPERATOR_GAP, '$1$2$3');
  range = range.replace(TILDE_GAP, '$1~').replace(CARET_GAP, '$1^');
  const parts = range
    .split(' ')
    .map(expandComparator)
    .join(' ')
    .split(/\s+/)
    .map((part) => part.trim().replace(GTE_ZERO, ''));
  const unique = new Map<string, Comparator>();
  for (const part of parts) {
    const comparator = toComparator(part);
    if (comparator === null) continue;
    if (comparator.text === NULL_SET) return [comparator];
    unique.set(comparator.text, comparator);
  }
  if (unique.size > 1) unique.delete('');
  return [...unique.values()];
}

/**
 * Reads a range into its comparator sets (any set may match).
 *
 * @param range - the range text.
 * @returns the sets, or null when the range cannot be read.
 * @example
 * parseRange('^2.0.0')?.length; // 1
 */
function parseRange(range: string): Comparator[][] | null {
  let sets: Comparator[][];
  try {
    sets = range
      .trim()
      .replace(/\s+/g, ' ')
      .split('||')
      .map((set) => parseComparatorSet(set.trim()))
      .filter((set) => set.length > 0);
  } catch {
    return null;
  }
  if (sets.length === 0) return null;
  if (sets.length > 1) {
    const nonNull = sets.filter((set) => set[0].text !== NULL_SET);
    sets = nonNull.length === 0 ? [sets[0]] : nonNull;
    const anySet =
      sets.length > 1 ? sets.find((set) => set.length === 1 && set[0].text === '') : undefined;
    if (anySet !== undefined) sets = [anySet];
  }
  return sets;
}

function comparatorAccepts(comparator: Comparator, version: Omit<ParsedVersion, 'raw'>): boolean {
  if (comparator.version === undefined) return true;
  const order = comparePrecedence(version, comparator.version);
  switch (comparator.operator) {
    case '':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function setAccepts(set: Comparator[], version: Omit<ParsedVersion, 'raw'>): boolean {
  if (!set.every((comparator) => comparatorAccepts(comparator, version))) return false;
  if (version.prerelease.length === 0) return true;
  // A prerelease only matches when a comparator names a prerelease of the same version.
  return set.some(
    ({ version: bound }) =>
      bound !== undefined &&
      bound.prerelease.length > 0 &&
      bound.major === version.major &&
      bound.minor === version.minor &&
      bound.patch === version.patch,
  );
}

/**
 * Tells whether a balenaOS version satisfies a range.
 *
 * @param version - the version text (`balenaOS 2.48.0+rev1`, ...).
 * @param range - a node-semver range, read in loose mode.
 * @returns true when the version is valid and in the range; false otherwise (also for
 * unreadable ranges).
 * @example
 * satisfies('balenaOS 2.48.0+rev1', '^2.0.0'); // true
 */
export function satisfies(version: VersionInput, range: string): boolean {
  if (version == null) return false;
  const parsed = parseStrictSemver(normalizeVersionText(version));
  if (parsed === null) return false;
  const sets = parseRange(range);
  return sets !== null && sets.some((set) => setAccepts(set, parsed));
}

/**
 * Returns the highest version of a list that satisfies a range.
 *
 * @param versions - version texts; missing and invalid ones never match.
 * @param range - a node-semver range (balenaOS spellings are normalised first).
 * @returns the highest matching version as given, or null.
 * @example
 * maxSatisfying(['2.0.0+rev1', '2.1.0', '3.0.0'], '^2.0.0'); // '2.1.0'
 */
export function maxSatisfying(versions: readonly VersionInput[], range: string): string | null {
  const normalizedRange = normalizeVersionText(range);
  let best: string | null = null;
  for (const version of versions) {
    if (version != null && satisfies(version, normalizedRange) && gt(version, best)) {
      best = version;
    }
  }
  return best;
}
