/**
 * The top level of a YAML text, read line by line without parsing it: whether it is a list or
 * a mapping, the keys of each top-level list item or of the mapping, and whether any value
 * holds a Jinja2 expression. Enough to tell a playbook, a task list or a vars file from other
 * YAML before deciding to parse it, and cheap on files Posture then leaves alone.
 */
import { withoutByteOrderMark } from './parse-yaml.js';

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

/** Lines read at most: the top level of real files shows itself long before. */
const MAX_LINES = 4000;

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
  for (const raw of content.split('\n', MAX_LINES)) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed === '---' || trimmed === '...' || trimmed.startsWith('%'))
      continue;
    if (trimmed.startsWith('#')) {
      if (shape === 'empty') firstComment ??= trimmed;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (shape === 'empty') {
      topIndent = indent;
      shape = LIST_ITEM.test(line) ? 'list' : 'mapping';
    }
    if (indent < topIndent) continue;
    const item = shape === 'list' && indent === topIndent ? LIST_ITEM.exec(line) : null;
    if (item) {
      const rest = item[2] ?? '';
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
  return {
    shape,
    items,
    keys,
    nestedKeys,
    hasJinja: JINJA.test(content),
    ...(firstComment ? { firstComment } : {}),
  };
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
