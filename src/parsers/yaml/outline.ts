/**
 * The top level of a YAML text, read line by line without parsing it: whether it is a list or
 * a mapping, the keys of each top-level list item or of the mapping, and whether any value
 * holds a Jinja2 expression. Enough to tell a playbook, a task list or a vars file from other
 * YAML before deciding to parse it, and cheap on files Posture then leaves alone. A top level
 * written in flow style (`- {hosts: all, tasks: [...]}`), which lines do not show, is parsed.
 */
import { isMap, isScalar, isSeq, parseYaml, withoutByteOrderMark } from './parse-yaml.js';

export interface YamlOutline {
  shape: 'list' | 'mapping' | 'empty';
  /** for a list: the keys of each item, in order (none for an item that is not a mapping) */
  items: string[][];
  /** for a mapping: its keys */
  keys: string[];
  /** the keys below the top level, from anywhere in the text */
  nestedKeys: ReadonlySet<string>;
  /** the first comment before any content (`#cloud-config`) */
  firstComment?: string;
  /** a `{{ ... }}` or `{% ... %}` anywhere, GitHub's `${{ ... }}` and Go's `{{ .Field }}` aside */
  hasJinja: boolean;
}

/**
 * Lines with content read at most: the top level of real files shows itself long before. Blank
 * lines and comments do not count, so that none can push a play out of sight.
 */
const MAX_CONTENT_LINES = 4000;
/** A document start, alone or followed by a comment (`--- # the web servers`). */
const DOCUMENT_START = /^---(?:\s+#.*)?$/;
/** A top-level node in flow style. */
const FLOW_START = /^[{[]/;

const LIST_ITEM = /^(\s*)-(?:[ \t]+(.*))?$/;
/** A key: quoted, or plain up to the first `: ` (Hiera's `a::b` included). */
const KEY = /^(\s*)("[^"]*"|'[^']*'|[^\s#'"[\]{}!&*|>%@`,-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]|$)/;
/** Jinja2, not GitHub's `${{ ... }}` nor Go templates' `{{ .Field }}`. */
const JINJA = /(?<!\$)\{\{-?\s*[^\s.}]|\{%/;

export function outlineYaml(source: string): YamlOutline {
  // A byte order mark is the encoding, not an indentation of the first line.
  const content = withoutByteOrderMark(source);
  let shape: YamlOutline['shape'] = 'empty';
  let firstComment: string | undefined;
  const items: string[][] = [];
  const keys: string[] = [];
  const nestedKeys = new Set<string>();
  let topIndent = -1;
  /** where the keys of the current list item start; -1 until its first key is seen */
  let itemKeyIndent = -1;
  let contentLines = 0;
  let flow = false;
  for (const raw of content.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trim();
    if (
      trimmed === '' ||
      DOCUMENT_START.test(trimmed) ||
      trimmed === '...' ||
      trimmed.startsWith('%')
    )
      continue;
    if (trimmed.startsWith('#')) {
      if (shape === 'empty') firstComment ??= trimmed;
      continue;
    }
    if (++contentLines > MAX_CONTENT_LINES) break;
    const indent = line.length - line.trimStart().length;
    if (shape === 'empty') {
      topIndent = indent;
      shape = LIST_ITEM.test(line) ? 'list' : 'mapping';
      if (FLOW_START.test(trimmed)) flow = true;
    }
    if (indent < topIndent) continue;
    const item = shape === 'list' && indent === topIndent ? LIST_ITEM.exec(line) : null;
    if (item) {
      const rest = item[2] ?? '';
      if (FLOW_START.test(rest)) flow = true;
      const key = keyAt(rest);
      items.push(key ? [key.name] : []);
      itemKeyIndent = key ? line.length - rest.length : -1;
      continue;
    }
    const key = keyAt(line);
    if (!key) continue;
    if (shape === 'mapping' && key.indent === topIndent) {
      keys.push(key.name);
    } else if (
      shape === 'list' &&
      items.length > 0 &&
      (key.indent === itemKeyIndent || itemKeyIndent === -1)
    ) {
      itemKeyIndent = key.indent;
      items.at(-1)?.push(key.name);
    } else {
      nestedKeys.add(key.name);
    }
  }
  const top = flow ? flowTopLevel(content) : undefined;
  return {
    shape: top?.shape ?? shape,
    items: top?.items ?? items,
    keys: top?.keys ?? keys,
    nestedKeys,
    hasJinja: JINJA.test(content),
    ...(firstComment ? { firstComment } : {}),
  };
}

/** The top level of a text whose first document is, or lists, flow collections; none if it does not parse. */
function flowTopLevel(content: string): Pick<YamlOutline, 'shape' | 'items' | 'keys'> | undefined {
  let node: unknown;
  try {
    node = parseYaml(content).documents[0]?.contents;
  } catch {
    return undefined;
  }
  const keysOf = (map: unknown): string[] =>
    isMap(map) ? map.items.flatMap(({ key }) => (isScalar(key) ? [String(key.value)] : [])) : [];
  if (isSeq(node)) return { shape: 'list', items: node.items.map(keysOf), keys: [] };
  if (isMap(node)) return { shape: 'mapping', items: [], keys: keysOf(node) };
  return undefined;
}

function keyAt(line: string): { indent: number; name: string } | undefined {
  const match = KEY.exec(line);
  if (!match) return undefined;
  return { indent: match[1]?.length ?? 0, name: unquote(match[2] ?? '') };
}

function unquote(key: string): string {
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1);
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1);
  return key;
}
