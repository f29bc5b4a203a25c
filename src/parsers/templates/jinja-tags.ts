/**
 * The tags of a Jinja2 template, with Jinja's default delimiters (the ones Ansible uses):
 * `{{ ... }}`, `{% ... %}` with `-`/`+` whitespace control, `{# ... #}`, and
 * `{% raw %}...{% endraw %}`, whose content is text. A closing delimiter inside a string
 * literal (`{{ "}}" }}`) does not close the tag.
 *
 * Jinja2 has no grammar on npm under a licence this project can ship (the tree-sitter one is
 * GPL-3.0); its tag syntax is small and fixed, and expressions are read by `src/languages/ansible/references.ts`.
 */
import { readConditionAlternatives } from './condition-parts.js';
import { TemplateSyntaxError, type TagKind, type TemplateTag } from './tags.js';

const OPENERS: Record<string, { kind: TagKind; close: string }> = {
  '{{': { kind: 'output', close: '}}' },
  '{%': { kind: 'statement', close: '%}' },
  '{#': { kind: 'comment', close: '#}' },
};

/** Statements that start a block whose content may be rendered zero or many times. */
const OPENING = /^(if|for|macro|call|filter)\b/;
const CONTINUING = /^(elif|else)\b/;
const CLOSING = /^end(if|for|macro|call|filter)\b/;

export function jinjaTags(source: string): TemplateTag[] {
  const tags: TemplateTag[] = [];
  let position = 0;
  while (position < source.length) {
    const start = source.indexOf('{', position);
    if (start < 0) break;
    const opener = OPENERS[source.slice(start, start + 2)];
    if (!opener) {
      position = start + 1;
      continue;
    }
    const end = closingOffset(source, start + 2, opener.close, opener.kind === 'comment');
    if (end < 0)
      throw new TemplateSyntaxError(`unclosed \`${source.slice(start, start + 2)}\``, start);
    const code = source
      .slice(start + 2, end - 2)
      .replace(/^[-+]/, '')
      .replace(/[-+]$/, '')
      .trim();
    const tag: TemplateTag = { kind: opener.kind, code, start, end, nesting: 'none' };
    if (opener.kind === 'statement') {
      tag.nesting = nestingOf(code);
      if (tag.nesting === 'opens') tag.condition = /^if\b/.test(code);
      const condition = /^(?:if|elif)\b([\s\S]*)$/.exec(code)?.[1];
      const ways = condition === undefined ? undefined : readConditionAlternatives(condition);
      if (ways) tag.ways = ways;
    }
    tags.push(tag);
    position = end;
    if (opener.kind === 'statement' && /^raw\b/.test(code)) position = skipRaw(source, end, tags);
  }
  return tags;
}

/** The offset just after the closing delimiter, or -1; strings are skipped in code tags. */
function closingOffset(source: string, from: number, close: string, comment: boolean): number {
  if (comment) {
    const found = source.indexOf(close, from);
    return found < 0 ? -1 : found + close.length;
  }
  let quote: string | undefined;
  for (let index = from; index < source.length; index += 1) {
    const char = source[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (source.startsWith(close, index)) return index + close.length;
  }
  return -1;
}

function nestingOf(code: string): TemplateTag['nesting'] {
  if (OPENING.test(code)) return 'opens';
  if (CLOSING.test(code)) return 'closes';
  if (CONTINUING.test(code)) return 'continues';
  return 'none';
}

/** After `{% raw %}`: the text up to `{% endraw %}` is literal; that closing tag is recorded. */
function skipRaw(source: string, from: number, tags: TemplateTag[]): number {
  const closing = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
  closing.lastIndex = from;
  const match = closing.exec(source);
  if (!match) throw new TemplateSyntaxError('`{% raw %}` without `{% endraw %}`', from);
  const end = match.index + match[0].length;
  tags.push({ kind: 'statement', code: 'endraw', start: match.index, end, nesting: 'none' });
  return end;
}
