/**
 * YAML with source positions and YAML 1.1 semantics, as Ansible and Hiera read it.
 *
 * `yaml` (eemeli/yaml) is used rather than js-yaml because it keeps the exact offset of every
 * node and comment, speaks YAML 1.1 (`yes`/`no`/`on`/`off` are booleans, `0777` is octal, `<<`
 * merges) and accepts application tags such as `!vault` and `!unsafe` as ordinary tagged
 * scalars instead of throwing.
 */
import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { CST, Document, DocumentOptions, Node as YamlNode, ParseOptions } from 'yaml';
import type { ScalarTag, SchemaOptions, Tags, YAMLError } from 'yaml';
import type { Comment, SourceRange } from '../../model/model.js';
import { checkNesting } from './nesting.js';
import { originalColumn, reindentCutShortScalar, type EditedLine } from './quoted-continuations.js';
import { YamlError } from './yaml-error.js';
import { tokensOfType } from './cst-tokens.js';

/** Tags that carry meaning for configuration code; kept on the scalar, never an error. */
const APPLICATION_TAGS = ['!vault', '!unsafe', '!encrypted/pkcs1-oaep', '!ruby/object'];

const applicationTags: ScalarTag[] = APPLICATION_TAGS.map((tag) => ({
  tag,
  resolve: (value: string) => value,
}));

const BOOLEAN_TAG = 'tag:yaml.org,2002:bool';

/**
 * YAML 1.1's booleans as the loaders of Ansible (PyYAML) and Hiera (Psych) resolve them:
 * `yes`/`no`, `true`/`false`, `on`/`off`. The YAML 1.1 schema of `yaml` also takes `y` and `n`
 * for booleans, which neither loader does: to Ansible `y` is a string, which its `bool` filter
 * reads as false and a Jinja2 `if` as true, and a key `n:` names the variable `n`.
 */
const loaderBooleans: ScalarTag[] = [
  {
    tag: BOOLEAN_TAG,
    default: true,
    identify: (value) => value === true,
    test: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => true,
  },
  {
    tag: BOOLEAN_TAG,
    default: true,
    identify: (value) => value === false,
    test: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => false,
  },
];

/** The schema's tags with its booleans replaced by the loaders', where its own stood. */
function loaderTags(tags: Tags): Tags {
  const first = tags.findIndex((tag) => typeof tag === 'object' && tag.tag === BOOLEAN_TAG);
  const others = tags.filter((tag) => typeof tag !== 'object' || tag.tag !== BOOLEAN_TAG);
  if (first < 0) return [...others, ...applicationTags];
  return [...others.slice(0, first), ...loaderBooleans, ...others.slice(first), ...applicationTags];
}

/** How every YAML text is composed; `npm run bench`'s bare parse composes with the same. */
export const COMPOSER_OPTIONS: DocumentOptions & ParseOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  customTags: loaderTags,
  strict: false,
};

export interface ParsedYaml {
  documents: Document.Parsed[];
  comments: Comment[];
  /**
   * The text the documents' offsets index: the source, or the source with the continuation
   * lines of quoted scalars re-indented the way Ansible's loader reads them. Slice node text
   * from this; `rangeOf` maps its offsets back to the source's lines and columns.
   */
  text: string;
  /** convert a [start, end) offset pair into a 1-based source range */
  rangeOf(start: number, end: number): SourceRange;
}

/** At most this many quoted scalars of one file are re-indented before its error stands. */
const MAX_REINDENTED_SCALARS = 1000;

interface Reading {
  text: string;
  tokens: CST.Token[];
  lineCounter: LineCounter;
  documents: Document.Parsed[];
}

/**
 * A UTF-8 byte order mark, which editors on Windows write at the start of a file. PyYAML, and so
 * Ansible, reads it as the encoding and not as text; `yaml` counts it as a column of the first
 * line, where a block sequence or mapping then fails to parse.
 */
const BYTE_ORDER_MARK = '\uFEFF';

/** The text without its byte order mark: columns are then counted as an editor shows them. */
export function withoutByteOrderMark(source: string): string {
  return source.startsWith(BYTE_ORDER_MARK) ? source.slice(1) : source;
}

export function parseYaml(source: string): ParsedYaml {
  let reading = read(withoutByteOrderMark(source));
  const edited = new Map<number, EditedLine>();
  for (let attempt = 0; attempt < MAX_REINDENTED_SCALARS && firstError(reading); attempt++) {
    const reindented = reindentCutShortScalar(reading.text, reading.tokens);
    if (!reindented) break;
    for (const edit of reindented.edited) edited.set(edit.line, edit);
    reading = read(reindented.text);
  }
  const { text, tokens, lineCounter, documents } = reading;

  const rangeOf = (start: number, end: number): SourceRange => {
    let last = Math.max(start, end);
    while (last > start && /\s/.test(text[last - 1] ?? '')) last--;
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(last);
    return {
      line: from.line,
      column: columnOf(from, edited),
      endLine: to.line,
      endColumn: columnOf(to, edited),
    };
  };

  const error = firstError(reading);
  if (error) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    throw new YamlError('syntax', firstLine(error.message), line);
  }

  const comments = text.includes('#') ? collectComments(tokens, rangeOf) : [];
  return { documents, comments, text, rangeOf };
}

/** Lexes, checks the nesting and composes one text. */
function read(text: string): Reading {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const tokens = Array.from(parser.parse(text));
  // The composer recurses once per level: refuse deep nesting before it runs.
  checkNesting(tokens, (offset) => lineCounter.linePos(offset).line);
  const composer = new Composer(COMPOSER_OPTIONS);
  const documents = Array.from(composer.compose(tokens, true, text.length));
  return { text, tokens, lineCounter, documents };
}

function firstError(reading: Reading): YAMLError | undefined {
  for (const doc of reading.documents) {
    const error = doc.errors[0];
    if (error) return error;
  }
  return undefined;
}

function columnOf(
  position: { line: number; col: number },
  edited: ReadonlyMap<number, EditedLine>,
): number {
  const edit = edited.get(position.line);
  return edit ? originalColumn(position.col, edit) : position.col;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The fields of concrete-syntax-tree tokens that can hold further tokens. */
const COMMENT_TOKENS: ReadonlySet<string> = new Set(['comment']);

/** Comments live in the concrete syntax tree only. */
function collectComments(
  tokens: readonly unknown[],
  rangeOf: (start: number, end: number) => SourceRange,
): Comment[] {
  return tokensOfType(tokens, COMMENT_TOKENS)
    .map(({ offset, source }) => ({
      text: source.replace(/^#/, '').trim(),
      range: rangeOf(offset, offset + source.length),
    }))
    .sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

export { isAlias, isMap, isScalar, isSeq, YamlError };
export type { YamlNode };
