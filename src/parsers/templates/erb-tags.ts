/**
 * The tags of an ERB (Chef, Puppet) or EPP (Puppet) template, read with a real grammar:
 * tree-sitter-embedded-template, compiled to WebAssembly and run by the runtime the shell and
 * Ruby grammars share. Both languages use the same delimiters (`<% %>`, `<%= %>`, `<%# %>`,
 * `-%>`, EPP's `<%- -%>` and `<%| |%>`); what differs is the code inside, which `nesting`
 * reads as Ruby or as Puppet.
 */
import type { Parser, Node } from 'web-tree-sitter';
import { grammarParser } from '../wasm/grammar-parser.js';
import { TemplateSyntaxError, type TagKind, type TemplateTag } from './tags.js';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the grammar once per process. */
export function initTemplateParser(): Promise<void> {
  loading ??= (async () => {
    parser = await grammarParser(
      'tree-sitter-embedded-template/tree-sitter-embedded_template.wasm',
    );
  })();
  return loading;
}

export type EmbeddedCode = 'ruby' | 'puppet';

export function erbTags(source: string, code: EmbeddedCode): TemplateTag[] {
  if (!parser) throw new Error('template parser not initialised: call initTemplateParser() first');
  const tree = parser.parse(source);
  if (!tree) throw new Error('ERB: the parser returned no tree');
  try {
    const root = tree.rootNode;
    if (root.hasError) return tagsCheckingEach(root, source, code);
    // A tree without errors is read with one cursor: a node object costs several calls into
    // the grammar's WebAssembly, and a template is mostly the text between its tags.
    const tags: TemplateTag[] = [];
    const cursor = tree.walk();
    try {
      if (!cursor.gotoFirstChild()) return tags;
      do {
        if (cursor.nodeType !== 'content')
          tags.push(tagOf(cursor.startIndex, cursor.endIndex, source, code));
      } while (cursor.gotoNextSibling());
    } finally {
      cursor.delete();
    }
    return tags;
  } finally {
    tree.delete();
  }
}

/** The tags of a tree with an error somewhere; throws at the first tag that is broken. */
function tagsCheckingEach(root: Node, source: string, code: EmbeddedCode): TemplateTag[] {
  const tags: TemplateTag[] = [];
  for (const node of root.children) {
    if (!node || node.type === 'content') continue;
    if (node.type === 'ERROR' || node.isMissing || node.hasError)
      throw new TemplateSyntaxError('unclosed or malformed `<% %>` tag', node.startIndex);
    tags.push(tagOf(node.startIndex, node.endIndex, source, code));
  }
  return tags;
}

function tagOf(start: number, end: number, source: string, language: EmbeddedCode): TemplateTag {
  const text = source.slice(start, end);
  const kind = kindOf(text);
  const code = text
    .replace(/^<%[=#|-]?/, '')
    .replace(/[-|]?%>$/, '')
    .trim();
  const nesting = kind === 'statement' ? nestingOf(code, language) : 'none';
  return {
    kind,
    code,
    start,
    end,
    nesting,
    ...(nesting === 'opens' ? { condition: CONDITION.test(code) } : {}),
  };
}

/** Blocks that render their body once or never (the others are loops). */
const CONDITION = /^(if|unless|case)\b/;

/** `<%=` writes, `<%#` is a comment; `<%`, `<%-` and EPP's parameter tag `<%|` run code. */
function kindOf(text: string): TagKind {
  if (text.startsWith('<%=')) return 'output';
  if (text.startsWith('<%#')) return 'comment';
  return 'statement';
}

const RUBY_OPENING =
  /^(if|unless|case|while|until|for|begin)\b|\bdo\s*(\|[^|]*\|)?\s*$|\{\s*(\|[^|]*\|)?\s*$/;
const RUBY_CONTINUING = /^(elsif|else|when|rescue|ensure)\b/;
const RUBY_CLOSING = /^(end|\})\s*$|^end\b/;

/** Puppet code in EPP: blocks are braces (`if $x {`, `$list.each |$c| {`, `} else {`). */
function nestingOf(code: string, language: EmbeddedCode): TemplateTag['nesting'] {
  if (language === 'puppet') {
    const trimmed = code.trim();
    if (/^\}.*\{$/.test(trimmed)) return 'continues';
    if (trimmed.endsWith('{')) return 'opens';
    if (trimmed.startsWith('}')) return 'closes';
    return 'none';
  }
  if (RUBY_CONTINUING.test(code)) return 'continues';
  if (RUBY_CLOSING.test(code)) return 'closes';
  if (RUBY_OPENING.test(code)) return 'opens';
  return 'none';
}
