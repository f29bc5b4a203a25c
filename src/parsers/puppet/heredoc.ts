/**
 * Heredocs: the `@(TAG:syntax/escapes)` header, and the text lines that follow the line the
 * header is on, up to the end tag line (`| - TAG`), with the margin removed as Puppet does.
 */
import { InvalidEscapeError, heredocEscapes } from './escapes.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

export class HeredocError extends Error {}

export interface HeredocHeader {
  syntax: string;
  endTag: string;
  /** `@("TAG")`: the text interpolates `$x` and `${...}` */
  interpolate: boolean;
  escapes: Set<string>;
  /** the offset after the closing `)` */
  end: number;
}

export interface HeredocText {
  /** the text with the margin (and, with `-`, its last line break) removed */
  text: string;
  /** where the text lines are in the source, without the end tag line and its line break */
  body: { start: number; end: number };
  /** the offset after the end tag line, where lexing resumes at the end of the opening line */
  resume: number;
  /** maps an offset in `text` back to the source */
  toSource(offset: number): number;
}

const HEADER =
  /@\(([^:/\r\n)]+)(?::[\t\p{Zs}]*([a-z][a-zA-Z0-9_+]+)[\t\p{Zs}]*)?(?:\/((?:\w|\$)*)[\t\p{Zs}]*)?\)/u;
const BLANK = '[\\t\\p{Zs}]*';

/** Reads the header at `start` (the `@`). */
export function readHeader(src: string, start: number): HeredocHeader {
  const close = src.indexOf(')', start);
  if (close < 0) throw new HeredocError('unclosed parenthesis after heredoc @(');
  const spec = HEADER.exec(src.slice(start, close + 1));
  if (!spec) throw new HeredocError('invalid heredoc syntax');
  let endTag = (spec[1] ?? '').trim();
  const quoted = /^"(.*)"$/.exec(endTag);
  if (quoted) endTag = (quoted[1] ?? '').trim();
  if (endTag.length < 1) throw new HeredocError('heredoc with an empty end tag');
  let escapes: Set<string>;
  try {
    escapes = heredocEscapes(spec[3]);
  } catch (error) {
    if (error instanceof InvalidEscapeError) throw new HeredocError(error.message);
    throw error;
  }
  return { syntax: spec[2] ?? '', endTag, interpolate: quoted !== null, escapes, end: close + 1 };
}

/**
 * Reads the lines from `bodyStart` up to the end tag line; undefined when there is none. As
 * in Puppet, the end tag line is the first line that *ends* with the tag.
 */
export function readText(src: string, bodyStart: number, endTag: string): HeredocText | undefined {
  const endLine = new RegExp(
    `(${BLANK})(?:(\\|)${BLANK})?(?:(-)${BLANK})?${escapeRegExp(endTag)}${BLANK}\\r?(?:\\n|$)`,
    'u',
  );
  const lines: { start: number; text: string }[] = [];
  for (let lineStart = bodyStart; lineStart < src.length;) {
    const newline = src.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? src.length : newline + 1;
    const line = src.slice(lineStart, lineEnd);
    const end = endLine.exec(line);
    if (end)
      return textOf(lines, bodyStart, lineEnd, {
        leading: end[1] ?? '',
        hasMargin: end[2] === '|',
        removeBreak: end[3] === '-',
      });
    lines.push({ start: lineStart, text: line });
    lineStart = lineEnd;
  }
  return undefined;
}

function textOf(
  lines: { start: number; text: string }[],
  bodyStart: number,
  resume: number,
  {
    leading,
    hasMargin,
    removeBreak,
  }: { leading: string; hasMargin: boolean; removeBreak: boolean },
): HeredocText {
  const localStarts: number[] = [];
  const sourceStarts: number[] = [];
  let text = '';
  for (const line of lines) {
    // Lines indented less than the margin keep their text, as in Puppet.
    const margin =
      hasMargin && leading.length > 0 && line.text.startsWith(leading) ? leading.length : 0;
    localStarts.push(text.length);
    sourceStarts.push(line.start + margin);
    text += line.text.slice(margin);
  }
  if (removeBreak) text = text.replace(/\r?\n$/, '');
  const last = lines[lines.length - 1];
  const toSource = (offset: number): number => {
    let index = localStarts.length - 1;
    while (index > 0 && (localStarts[index] as number) > offset) index -= 1;
    if (index < 0) return bodyStart;
    return (sourceStarts[index] as number) + offset - (localStarts[index] as number);
  };
  return {
    text,
    body: {
      start: bodyStart,
      end: last ? last.start + last.text.replace(/\r?\n$/, '').length : bodyStart,
    },
    resume,
    toSource,
  };
}
