/**
 * What each alias of a document refers to, found in one walk. `yaml`'s own `Alias.resolve` walks
 * the whole document on every call, which turns a long chain of aliases into minutes of work.
 * The answer is the same: the last node before the alias, in document order, that carries the
 * alias's anchor. An anchor is written with `&`: a text without one has no alias to resolve, and
 * most files are answered without a walk.
 */
import { isAlias, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';

const NO_TARGETS: ReadonlyMap<Alias, YamlNode> = new Map();

/** `text` is the source the document was composed from. */
export function resolveAliases(doc: Document.Parsed, text: string): ReadonlyMap<Alias, YamlNode> {
  if (!text.includes('&')) return NO_TARGETS;
  const anchored = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) {
        anchored.set(node.anchor, node);
      }
    },
  });
  return targets;
}
