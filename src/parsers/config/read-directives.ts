/**
 * Directives from rendered lines, one reader per syntax family. A reader knows where a name
 * ends and its value starts, what a comment is and which keywords open a block; what a
 * directive means is left to the rules.
 */
import type { Directive, Language } from '../../engine/model.js';
import type { RenderedLine } from '../templates/render-lines.js';
import type { FormatSpec } from './formats.js';

/** Whether a string still computes something in the deploying language. */
const TEMPLATED: Record<Language, RegExp> = {
  ansible: /\{\{|\{%/,
  puppet: /\$\{|\$:{0,2}[a-z_]/,
  chef: /#\{/,
};

export function readDirectives(
  lines: readonly RenderedLine[],
  spec: FormatSpec,
  language: Language,
): Directive[] {
  const directives: Directive[] = [];
  let section: string | undefined;
  for (const line of lines) {
    const split = splitLine(line.text, spec);
    if (!split) continue;
    const { name, valueFrom, valueTo } = split;
    const directive = directiveOf(line, name, valueFrom, valueTo, language);
    if (spec.sections?.some((keyword) => keyword.toLowerCase() === name.toLowerCase())) {
      section = `${name} ${line.text.slice(valueFrom, valueTo)}`;
      continue;
    }
    directives.push(section ? { ...directive, section } : directive);
  }
  return directives;
}

/** A comment line; `#{...}` at the start of a line is a Chef template's interpolation. */
const COMMENT = /^#(?!\{)/;

interface Split {
  name: string;
  /** offsets of the value in the line */
  valueFrom: number;
  valueTo: number;
}

function splitLine(text: string, spec: FormatSpec): Split | undefined {
  const indent = text.length - text.trimStart().length;
  const body = text.trim();
  if (body === '') return undefined;
  if (spec.syntax === 'rule-lines') {
    // `#include`, `#includedir` and `#1000` (a user id) are sudoers syntax, not comments.
    if (COMMENT.test(body) && !/^#(include(dir)?\s|\d)/.test(body)) return undefined;
    const name = /^\S+/.exec(body)?.[0] ?? body;
    return { name, valueFrom: indent, valueTo: indent + body.length };
  }
  if (COMMENT.test(body) || body.startsWith(';')) return undefined;
  const withoutComment = spec.syntax === 'key-equals' ? stripComment(body) : body;
  const pattern =
    spec.syntax === 'keyword'
      ? /^([A-Za-z][\w-]*)(\s*=\s*|\s+)(.*?)\s*$/
      : /^-?([\w.*/{}$-]+?)\s*=\s*(.*?)\s*$/;
  const match = pattern.exec(withoutComment);
  if (!match) return undefined;
  // The patterns are anchored and the line is trimmed: the value ends the match.
  const value = (spec.syntax === 'keyword' ? match[3] : match[2]) ?? '';
  const valueFrom = indent + match[0].length - value.length;
  return { name: match[1] ?? '', valueFrom, valueTo: valueFrom + value.length };
}

/** sysctl files allow `#` and `;` comments after a value. */
function stripComment(body: string): string {
  const at = body.search(/\s[#;]/);
  return at < 0 ? body : body.slice(0, at).trimEnd();
}

function directiveOf(
  line: RenderedLine,
  name: string,
  valueFrom: number,
  valueTo: number,
  language: Language,
): Directive {
  const text = line.text.slice(valueFrom, valueTo);
  const unquoted = /^"(.*)"$/.exec(text)?.[1] ?? text;
  const range = line.rangeOf(valueFrom, valueTo);
  return {
    name,
    value: {
      kind: 'string',
      value: unquoted,
      text,
      dynamic: line.templated && TEMPLATED[language].test(unquoted),
      range,
    },
    conditional: line.conditional,
    range: line.rangeOf(line.text.length - line.text.trimStart().length, valueTo),
  };
}
