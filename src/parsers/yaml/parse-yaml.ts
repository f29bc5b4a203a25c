/**
 * YAML with source positions and YAML 1.1 semantics, as Ansible and Hiera read it.
 *
 * `yaml` (eemeli/yaml) is used rather than js-yaml because it keeps the exact offset of every
 * node and comment, speaks YAML 1.1 (`yes`/`no`/`on`/`off` are booleans, `0777` is octal, `<<`
 * merges) and accepts application tags such as `!vault` and `!unsafe` as ordinary tagged
 * scalars instead of throwing.
 */
import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, ScalarTag } from 'yaml';
import type { Comment, SourceRange } from '../../engine/model.js';
import { checkNesting } from './nesting.js';
import { YamlError } from './yaml-error.js';

/** Tags that carry meaning for configuration code; kept on the scalar, never an error. */
const APPLICATION_TAGS = ['!vault', '!unsafe', '!encrypted/pkcs1-oaep', '!ruby/object'];

const applicationTags: ScalarTag[] = APPLICATION_TAGS.map((tag) => ({
  tag,
  resolve: (value: string) => value,
}));

export interface ParsedYaml {
  documents: Document.Parsed[];
  comments: Comment[];
  lineCounter: LineCounter;
  /** convert a [start, end) offset pair into a 1-based source range */
  rangeOf(start: number, end: number): SourceRange;
}

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const tokens = Array.from(parser.parse(source));
  // The composer recurses once per level: refuse deep nesting before it runs.
  checkNesting(tokens, (offset) => lineCounter.linePos(offset).line);
  const composer = new Composer({
    version: '1.1',
    merge: true,
    uniqueKeys: false,
    customTags: (tags) => [...tags, ...applicationTags],
    strict: false,
  });
  const documents = Array.from(composer.compose(tokens, true, source.length));

  const rangeOf = (start: number, end: number): SourceRange => {
    let last = Math.max(start, end);
    while (last > start && /\s/.test(source[last - 1] ?? '')) last--;
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(last);
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };

  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      throw new YamlError('syntax', firstLine(error.message), line);
    }
  }

  const comments = source.includes('#') ? collectComments(tokens, rangeOf) : [];
  return { documents, comments, lineCounter, rangeOf };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The fields of concrete-syntax-tree tokens that can hold further tokens. */
const CHILD_FIELDS = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const;

/** Comments live in the concrete syntax tree only: walk it for comment tokens. */
function collectComments(
  tokens: unknown[],
  rangeOf: (start: number, end: number) => SourceRange,
): Comment[] {
  const comments: Comment[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const token = item as { type?: string; offset?: number; source?: string } & Partial<Record<(typeof CHILD_FIELDS)[number], unknown>>;
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      const source = token.source;
      comments.push({
        text: source.replace(/^#/, '').trim(),
        range: rangeOf(token.offset, token.offset + source.length),
      });
      continue;
    }
    for (const field of CHILD_FIELDS) {
      const child = token[field];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return comments.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

export { isAlias, isMap, isScalar, isSeq, YamlError };
export type { YamlNode };
