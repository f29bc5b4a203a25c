/**
 * Ansible's INI inventories (`hosts`, `inventory/production.ini`) → the shared model, read the
 * way Ansible's `ini` inventory plugin reads them. Lines before the first section are ungrouped
 * hosts; `[group]` lists hosts, each followed by `key=value` variables split like a shell line
 * (quotes group words, `#` starts a comment); `[group:vars]` sets one variable a line, the rest of
 * the line its value; `[group:children]` names groups. `#` and `;` start a comment line. Values
 * are read as Python literals, as Ansible reads them: `"s3cret"` is `s3cret`, and a comment after
 * a literal is no part of it.
 *
 * Every value stays a string, as in the same inventory written in YAML, and each variable takes
 * the path it would have there (`web.hosts.web1.ansible_host`, `web.vars.http_port`,
 * `web.children.db`), so that the rules and variable resolution read both forms alike.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import { UnanalysableError } from '../../model/file-error.js';
import type {
  Attribute,
  Comment,
  FileModel,
  SourceRange,
  Value,
  Variable,
} from '../../model/model.js';
import { isJinja } from './jinja.js';

/** `[web]`, `[web:vars]`, `[web:children]`, with an optional comment after it. */
const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(#.*)?$/;
/** A group named in a `:children` section. */
const GROUP_NAME = /^([^:\]\s]+)\s*(#.*)?$/;
const SECTION_STATES = new Set(['hosts', 'vars', 'children']);
/** A Python literal Ansible's `ast.literal_eval` turns into a plain value, then what follows it. */
const PYTHON_LITERAL =
  /^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|True|False|None)(\s*#.*)?$/;
const PYTHON_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** The first line that is neither blank nor a comment, when it opens YAML: `---`, `all:`. */
const YAML_START = /^(?:[ \t]*(?:[#;].*)?\r?\n)*(---|[\w.-]+:)[ \t]*(#.*)?(\r?\n|$)/;

/**
 * Whether an inventory without an extension is written in YAML (`all:` first), which Ansible's
 * `yaml` plugin reads before the `ini` one tries.
 */
export function startsLikeYaml(source: string): boolean {
  return YAML_START.test(source);
}

/** Why the text is no INI inventory, as Ansible would say it; undefined when it reads as one. */
export function iniInventoryProblem(source: string): string | undefined {
  try {
    new IniInventoryReader(source).read();
    return undefined;
  } catch (error) {
    if (!(error instanceof UnanalysableError)) throw error;
    return `line ${error.line ?? 1}: ${error.message}`;
  }
}

export function parseIniInventory(path: string, source: string): ParseOutcome {
  try {
    const { variables, comments } = new IniInventoryReader(source).read();
    const model: FileModel = {
      path,
      language: 'ansible',
      kind: 'inventory',
      units: [],
      variables,
      comments,
      conditions: [],
      lines: source.split(/\r?\n/),
    };
    return { ok: true, model };
  } catch (error) {
    if (error instanceof UnanalysableError) return { ok: false, error: error.toFileError(path) };
    throw error;
  }
}

/** One word of a host line, as the shell-like split reads it. */
interface Word {
  /** offsets in the line: from the first character to after the last (closing quotes included) */
  start: number;
  end: number;
  /** the word with quotes and escapes resolved */
  text: string;
  /** for each character of `text`, its offset in the line */
  offsets: number[];
}

class IniInventoryReader {
  private readonly lines: string[];
  private readonly variables: Variable[] = [];
  private readonly comments: Comment[] = [];
  private group = 'ungrouped';
  private state = 'hosts';
  /** 1-based number of the line being read */
  private line = 0;

  constructor(source: string) {
    this.lines = source.split(/\r?\n/);
  }

  read(): { variables: Variable[]; comments: Comment[] } {
    for (const [index, text] of this.lines.entries()) {
      this.line = index + 1;
      this.readLine(text);
    }
    return { variables: this.variables, comments: this.comments };
  }

  private readLine(text: string): void {
    const from = text.length - text.trimStart().length;
    const body = text.trim();
    if (body === '') return;
    if (body.startsWith('#') || body.startsWith(';')) {
      this.comment(from, from + body.length);
      return;
    }
    const section = SECTION.exec(body);
    if (section) {
      const [, group = '', state = 'hosts', comment] = section;
      if (!SECTION_STATES.has(state))
        this.fail(`Section [${group}:${state}] has unknown type: ${state}`);
      this.group = group;
      this.state = state;
      if (comment) this.comment(from + body.length - comment.length, from + body.length);
      return;
    }
    if (body.startsWith('[') && body.endsWith(']'))
      this.fail(
        `Invalid section entry: '${body}'. Make sure that there are no spaces in the section entry, and that there are no other invalid characters`,
      );
    if (this.state === 'vars') this.groupVariable(text, from, body);
    else if (this.state === 'children') this.child(from, body);
    else this.host(text, from);
  }

  /** `web1 ansible_host=10.0.0.5 ansible_user=deploy  # the front end` */
  private host(text: string, from: number): void {
    const { words, comment } = this.split(text, from);
    if (comment !== undefined) this.comment(comment, text.trimEnd().length);
    const [host, ...assignments] = words;
    if (!host) return;
    const entries: Attribute[] = [];
    for (const word of assignments) {
      const equals = word.text.indexOf('=');
      if (equals < 0) this.fail(`Expected key=value host variable assignment, got: ${word.text}`);
      const at = word.offsets[equals] ?? word.start;
      const written = text.slice(at + 1, word.end);
      entries.push({
        name: word.text.slice(0, equals),
        value: this.string(literalValue(word.text.slice(equals + 1)), written, at + 1, word.end),
        range: this.range(word.start, at),
      });
    }
    const hostPath = [this.group, 'hosts', host.text];
    const first = assignments[0];
    const last = assignments.at(-1);
    const value: Value =
      first && last
        ? {
            kind: 'map',
            text: text.slice(first.start, last.end),
            dynamic: false,
            entries,
            range: this.range(first.start, last.end),
          }
        : this.nothing(host.start, host.end);
    this.variables.push({
      name: host.text,
      path: hostPath,
      value,
      scope: 'inventory',
      range: this.range(host.start, host.end),
    });
    for (const entry of entries)
      this.variables.push({
        name: entry.name,
        path: [...hostPath, entry.name],
        value: entry.value,
        scope: 'inventory',
        range: entry.range,
      });
  }

  /** `http_port=8080`: the key, then everything after the first `=`. */
  private groupVariable(text: string, from: number, body: string): void {
    const equals = body.indexOf('=');
    if (equals < 0) this.fail(`Expected key=value, got: ${body}`);
    const name = body.slice(0, equals).trim();
    const keyStart = from + body.indexOf(name);
    const after = body.slice(equals + 1);
    const valueStart = from + equals + 1 + (after.length - after.trimStart().length);
    const written = after.trim();
    // What Python reads as a literal ends before a comment; anything else is the whole text.
    const literal = PYTHON_LITERAL.exec(written);
    const comment = literal?.[2];
    const valueText = comment ? written.slice(0, written.length - comment.length) : written;
    if (comment) {
      const commentStart = valueStart + written.length - comment.trimStart().length;
      this.comment(commentStart, text.trimEnd().length);
    }
    this.variables.push({
      name,
      path: [this.group, 'vars', name],
      value: this.string(
        literalValue(valueText),
        valueText,
        valueStart,
        valueStart + valueText.length,
      ),
      scope: 'inventory',
      range: this.range(keyStart, keyStart + name.length),
    });
  }

  /** A group of a `:children` section. */
  private child(from: number, body: string): void {
    const match = GROUP_NAME.exec(body);
    const name = match?.[1];
    if (!match || name === undefined) return this.fail(`Expected group name, got: ${body}`);
    const comment = match[2];
    if (comment) this.comment(from + body.length - comment.length, from + body.length);
    this.variables.push({
      name,
      path: [this.group, 'children', name],
      value: this.nothing(from, from + name.length),
      scope: 'inventory',
      range: this.range(from, from + name.length),
    });
  }

  /**
   * A host line split as Python's `shlex` splits it in POSIX mode: words separated by white
   * space, `'...'` taken as it is, `"..."` with `\"` and `\\` escaped, a backslash outside quotes
   * escaping the next character, and a `#` outside quotes starting a comment.
   */
  private split(text: string, from: number): { words: Word[]; comment?: number } {
    const words: Word[] = [];
    let word: Word | undefined;
    let quote: string | undefined;
    const add = (character: string, at: number, end: number) => {
      word ??= { start: at, end, text: '', offsets: [] };
      word.text += character;
      word.offsets.push(at);
      word.end = end;
    };
    const open = (at: number) => (word ??= { start: at, end: at + 1, text: '', offsets: [] });
    for (let at = from; at < text.length; at++) {
      const character = text[at] as string;
      if (quote !== undefined) {
        if (character === quote) {
          quote = undefined;
          if (word) word.end = at + 1;
        } else if (quote === '"' && character === '\\' && /["\\]/.test(text[at + 1] ?? '')) {
          add(text[at + 1] as string, at + 1, at + 2);
          at++;
        } else add(character, at, at + 1);
        continue;
      }
      if (/\s/.test(character)) {
        if (word) words.push(word);
        word = undefined;
      } else if (character === '#') {
        if (word) words.push(word);
        return { words, comment: at };
      } else if (character === "'" || character === '"') {
        open(at).end = at + 1;
        quote = character;
      } else if (character === '\\') {
        if (at + 1 >= text.trimEnd().length)
          this.fail('Error parsing host definition: no escaped character');
        add(text[at + 1] as string, at, at + 2);
        at++;
      } else add(character, at, at + 1);
    }
    if (quote !== undefined) this.fail('Error parsing host definition: no closing quotation');
    if (word) words.push(word);
    return { words };
  }

  private string(value: string, text: string, start: number, end: number): Value {
    return { kind: 'string', value, text, dynamic: isJinja(value), range: this.range(start, end) };
  }

  /** A host without variables, a child group: a key with no value, as in YAML. */
  private nothing(start: number, end: number): Value {
    return { kind: 'null', value: null, text: '', dynamic: false, range: this.range(start, end) };
  }

  /** A comment from its marker (`#`, `;`) to `end`. */
  private comment(start: number, end: number): void {
    const raw = (this.lines[this.line - 1] ?? '').slice(start, end);
    this.comments.push({ text: raw.replace(/^[#;]/, '').trim(), range: this.range(start, end) });
  }

  private range(start: number, end: number): SourceRange {
    return { line: this.line, column: start + 1, endLine: this.line, endColumn: end + 1 };
  }

  private fail(message: string): never {
    throw new UnanalysableError('syntax', `INI inventory: ${message}`, this.line);
  }
}

/**
 * A value as Ansible keeps it after `ast.literal_eval`: a quoted Python string without its
 * quotes and escapes; a number or `True` as written, without a comment after it; anything else
 * as written.
 */
function literalValue(text: string): string {
  const written = PYTHON_LITERAL.exec(text)?.[1];
  if (written === undefined) return text;
  const quote = written[0];
  if (quote !== "'" && quote !== '"') return written;
  return written
    .slice(1, -1)
    .replace(/\\(.)/g, (escape, character: string) => PYTHON_ESCAPES[character] ?? escape);
}
