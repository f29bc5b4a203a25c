/**
 * The interpolations inside a command string, per language: `{{ expr }}` (Jinja, in Ansible),
 * `${expr}` (Puppet), `#{expr}` (Ruby, in Chef). Each comes with its expression as written, so
 * that a rule can tell where the value comes from and whether it was escaped for the shell.
 */
import type { Language } from '../../model/model.js';

export interface Interpolation {
  /** the whole interpolation as written: `{{ item.name }}`, `${user}`, `#{new_resource.user}` */
  text: string;
  /** the expression inside, trimmed */
  expression: string;
  /** offset in the command text */
  start: number;
}

/**
 * Options that hand their argument to a second interpreter: SQL for `mysql -e` and `psql -c`, a
 * shell for `sh -c`, a script for `python -c`, `ruby -e`, `perl -e`.
 */
const CODE_OPTION = /(?:^|\s)(-e|-c|--execute|--command|--eval)\s*=?\s*$/;

/**
 * Whether the interpolation sits inside the quoted code argument of such an option
 * (`mysql -e "GRANT ALL ON ${name}.*"`): the value is then read as code twice, by the shell
 * and by the interpreter, and quoting it right for both by hand is what goes wrong.
 */
export function insideCodeArgument(text: string, interpolation: Interpolation): boolean {
  let quote: string | undefined;
  let opened = -1;
  for (let index = 0; index < interpolation.start; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '\\') index += 1;
    else if (char === '"' || char === "'") {
      quote = char;
      opened = index;
    }
  }
  return quote !== undefined && CODE_OPTION.test(text.slice(0, opened));
}

/** `{% raw %}...{% endraw %}` holds text that Jinja leaves alone (often Go templates for kubectl). */
const JINJA_RAW = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g;

const OPENERS: Readonly<Partial<Record<Language, { open: string; close: string }>>> = {
  ansible: { open: '{{', close: '}}' },
  puppet: { open: '${', close: '}' },
  chef: { open: '#{', close: '}' },
};

/** None in a language whose interpolation syntax is not known here. */
export function interpolationsIn(text: string, language: Language): Interpolation[] {
  const openers = OPENERS[language];
  if (!openers) return [];
  const { open, close } = openers;
  const source =
    language === 'ansible' ? text.replace(JINJA_RAW, (raw) => ' '.repeat(raw.length)) : text;
  const found: Interpolation[] = [];
  let from = 0;
  while (from < source.length) {
    const start = source.indexOf(open, from);
    if (start < 0) break;
    // `\${x}` in Puppet and `\#{x}` in Ruby are literal text.
    if (start > 0 && source[start - 1] === '\\' && (language === 'puppet' || language === 'chef')) {
      from = start + open.length;
      continue;
    }
    const end = closingOffset(source, start + open.length, close);
    if (end < 0) break;
    const whole = source.slice(start, end + close.length);
    found.push({ text: whole, expression: source.slice(start + open.length, end).trim(), start });
    from = end + close.length;
  }
  return language === 'puppet' ? [...found, ...bareVariables(source)] : found;
}

/** Puppet also interpolates a variable without braces: `"mysql -u$user"`. */
const BARE_VARIABLE = /(?<!\\)\$(?!\{)((?:::)?[a-z_]\w*(?:::[a-z_]\w*)*)/g;

function bareVariables(source: string): Interpolation[] {
  return [...source.matchAll(BARE_VARIABLE)].map((match) => ({
    text: match[0],
    expression: match[0],
    start: match.index,
  }));
}

/** The offset of the closing delimiter, skipping nested braces and string literals. */
function closingOffset(source: string, from: number, close: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = from; index < source.length; index += 1) {
    const char = source[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (depth === 0 && source.startsWith(close, index)) return index;
    else if (char === '{' || char === '[' || char === '(') depth += 1;
    else if (char === '}' || char === ']' || char === ')') depth -= 1;
  }
  return -1;
}
