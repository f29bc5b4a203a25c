/**
 * Ansible's old one-line argument style: `file: path=/x mode=0777` or
 * `shell: chdir=/opt ./install.sh --force`. Splits on blanks outside quotes and
 * Jinja2 blocks, like Ansible's own `split_args`/`parse_kv`.
 */
import { COMMAND_OPTIONS } from './keywords.js';

export interface FreeFormToken {
  text: string;
  start: number;
  end: number;
}

export interface FreeFormArgument {
  name: string;
  value: string;
  /** offsets of the whole `key=value` token in the argument string */
  start: number;
  end: number;
}

export interface FreeFormArguments {
  params: FreeFormArgument[];
  /** the command text for command-like modules, with its offsets */
  raw?: { text: string; start: number; end: number };
}

export function splitArgs(text: string): FreeFormToken[] {
  const tokens: FreeFormToken[] = [];
  let quote: string | undefined;
  let jinjaDepth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const pair = text.slice(i, i + 2);
    if (start < 0 && !/\s/.test(char)) start = i;
    if (pair === '{{' || pair === '{%' || pair === '{#') {
      jinjaDepth++;
      i++;
      continue;
    }
    if (jinjaDepth > 0 && (pair === '}}' || pair === '%}' || pair === '#}')) {
      jinjaDepth--;
      i++;
      continue;
    }
    if (jinjaDepth > 0) continue;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    if (/\s/.test(char) && start >= 0) {
      tokens.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  if (start >= 0) tokens.push({ text: text.slice(start), start, end: text.length });
  return tokens;
}

const KEY_VALUE = /^([A-Za-z_][\w-]*)=([\s\S]*)$/;

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}

export function parseFreeForm(text: string, commandLike: boolean): FreeFormArguments {
  const params: FreeFormArgument[] = [];
  const rawTokens: FreeFormToken[] = [];
  for (const token of splitArgs(text)) {
    const match = KEY_VALUE.exec(token.text);
    const name = match?.[1];
    if (match && name && (!commandLike || COMMAND_OPTIONS.has(name))) {
      params.push({ name, value: unquote(match[2] ?? ''), start: token.start, end: token.end });
    } else {
      rawTokens.push(token);
    }
  }
  const first = rawTokens[0];
  const last = rawTokens.at(-1);
  if (!first || !last) return { params };
  return {
    params,
    raw: { text: text.slice(first.start, last.end), start: first.start, end: last.end },
  };
}
