/** A parsed settings file: nested string-keyed maps of scalars. */
export type SettingsTree = { [key: string]: SettingsValue };
export type SettingsValue = string | number | boolean | null | SettingsTree;

function parseScalar(raw: string): SettingsValue {
  const value = raw.replace(/\s+#.*$/, '').trim();
  if (/^'.*'$/.test(value)) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  if (/^".*"$/.test(value)) {
    return JSON.parse(value) as string;
  }
  if (value === '' || value === '~' || value === 'null') {
    return null;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  if (/^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  return value;
}

/**
 * Parses the YAML subset used by `balenarc.yml` files: `key: value` lines, nested maps by
 * indentation, quoted or plain scalars, numbers, booleans, null and `#` comments.
 * (Lists, anchors and multi-line scalars are not supported: balenarc files do not use them.)
 *
 * @param text - the file contents.
 * @returns the parsed tree.
 * @throws {Error} for a line that is not `key: value`.
 * @example
 * parseYamlLite('balenaUrl: balena-staging.com'); // { balenaUrl: 'balena-staging.com' }
 */
export function parseYamlLite(text: string): SettingsTree {
  const root: SettingsTree = {};
  const stack: Array<{ indent: number; node: SettingsTree }> = [{ indent: -1, node: root }];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)\s*$/.test(line)) {
      continue;
    }
    const match = /^(\s*)("[^"]*"|'[^']*'|[^:#]+?)\s*:(?:\s+(.*)|\s*)$/.exec(line);
    if (match === null) {
      throw new Error(`Unsupported YAML line: ${line.trim()}`);
    }
    const indent = match[1].length;
    const key = match[2].replace(/^["']|["']$/g, '');
    while (stack.length > 1 && stack[stack.length - 1].indent >= indent) {
      stack.pop();
    }
    const parent = stack[stack.length - 1].node;
    const rest = match[3]?.replace(/^#.*$/, '') ?? '';
    if (rest.trim() === '') {
      const child: SettingsTree = {};
      parent[key] = child;
      stack.push({ indent, node: child });
    } else {
      parent[key] = parseScalar(rest);
    }
  }
  return emptyMapsToNull(root);
}

// `key:` with nothing nested under it means null in YAML.
function emptyMapsToNull(tree: SettingsTree): SettingsTree {
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object') {
      tree[key] = Object.keys(value).length === 0 ? null : emptyMapsToNull(value);
    }
  }
  return tree;
}
