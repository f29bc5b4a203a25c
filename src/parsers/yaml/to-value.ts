/**
 * Turns a YAML node into a model `Value`, resolving aliases and `<<` merges, and refusing
 * alias bombs and absurd nesting with a clear error.
 */
import type { Alias, Document, Node as YamlNode, Pair } from 'yaml';
import type { Attribute, SourceRange, Value } from '../../model/model.js';
import { resolveAliases } from './anchors.js';
import { MAX_YAML_DEPTH, NESTING_REASON } from './nesting.js';
import { isAlias, isMap, isScalar, isSeq, type ParsedYaml } from './parse-yaml.js';
import { YamlError } from './yaml-error.js';

/** nodes reached through aliases, summed over a document: a billion-laughs file exceeds it fast */
export const MAX_ALIAS_NODES = 10_000;

export const ALIAS_EXPANSION_REASON = `aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?); not analysed`;

export interface ValueBuilderOptions {
  /** whether a plain string is computed at run time (Jinja2 for Ansible, interpolation for Hiera) */
  isDynamic(text: string): boolean;
}

/**
 * What the YAML 1.1 schema parses a scalar to: dates for timestamps, bytes for `!!binary`, a
 * symbol for a `<<` merge key; the application tags keep their text.
 */
type ScalarData = string | number | boolean | bigint | null | symbol | Date | Uint8Array;

const ENCRYPTED = /^\s*(\$ANSIBLE_VAULT;|ENC\[)/;
const NO_RANGE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export class YamlValueBuilder {
  private aliasNodes = 0;
  private readonly targets: ReadonlyMap<Alias, YamlNode>;

  private readonly source: string;

  constructor(
    private readonly parsed: ParsedYaml,
    doc: Document.Parsed,
    private readonly options: ValueBuilderOptions,
  ) {
    this.source = parsed.text;
    this.targets = resolveAliases(doc, this.source);
  }

  rangeOfNode(node: YamlNode | null | undefined): SourceRange {
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.parsed.rangeOf(range[0], range[1]);
  }

  /** The key text of a pair, or undefined for complex keys. */
  keyOf(pair: Pair): string | undefined {
    const key = pair.key;
    if (!isScalar<ScalarData>(key)) return undefined;
    if (key.value === null) return '';
    // With YAML 1.1 merges on, the parser marks `<<` keys with a symbol.
    if (typeof key.value === 'symbol') return '<<';
    return String(key.value);
  }

  /**
   * Map entries with `<<` merges applied (explicit keys win, then the mappings earlier in a
   * `<<` list) and aliases followed. A key written twice keeps its last value, as PyYAML
   * (Ansible) and Psych (Hiera) read it: the value the tool uses is the one the rules judge, so
   * a safe value written first cannot hide the one that takes effect.
   */
  pairsOf(
    node: YamlNode,
    depth = 0,
  ): Array<{ key: string; keyNode: YamlNode; value: YamlNode | null }> {
    const map = this.deref(node, depth);
    if (!isMap(map)) return [];
    const explicit: Array<{ key: string; keyNode: YamlNode; value: YamlNode | null }> = [];
    const merged: typeof explicit = [];
    for (const pair of map.items) {
      const key = this.keyOf(pair);
      if (key === undefined) continue;
      const value = (pair.value ?? null) as YamlNode | null;
      if (key === '<<' && value) {
        const sources = isSeq(this.deref(value, depth))
          ? (this.deref(value, depth) as { items: YamlNode[] }).items
          : [value];
        for (const source of sources)
          for (const pair of this.pairsOf(source, depth + 1)) merged.push(pair);
        continue;
      }
      explicit.push({ key, keyNode: pair.key as YamlNode, value });
    }
    const seen = new Set(explicit.map((entry) => entry.key));
    const entries = lastOfEachKey(explicit, seen.size);
    // Of the mappings merged in, the one earlier in the `<<` list wins, as in PyYAML.
    for (const entry of merged) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      entries.push(entry);
    }
    return entries;
  }

  /** Follow an alias to its anchor, counting what aliases pull in. */
  deref(node: YamlNode, depth = 0): YamlNode {
    if (!isAlias(node)) return node;
    const target = this.targets.get(node);
    if (!target)
      throw new YamlError('syntax', `unknown alias *${node.source}`, this.rangeOfNode(node).line);
    this.countAlias(target, depth);
    return target;
  }

  /**
   * `depth` counts the mappings and sequences around the node. The syntax tree was checked
   * against the same limit; aliases can nest what they pull in deeper, so it is checked again.
   */
  value(node: YamlNode | null | undefined, depth = 0): Value {
    if (!node) {
      return { kind: 'null', value: null, text: '', dynamic: false, range: this.rangeOfNode(node) };
    }
    const range = this.rangeOfNode(node);
    if (isAlias(node)) {
      const target = this.deref(node, depth);
      return { ...this.value(target, depth), range };
    }
    if ((isSeq(node) || isMap(node)) && depth >= MAX_YAML_DEPTH)
      throw new YamlError('too-deep', NESTING_REASON, range.line);
    const text = node.range ? this.source.slice(node.range[0], node.range[1]) : '';
    if (isScalar<ScalarData>(node)) return this.scalar(node.value, node.tag, text, range);
    if (isSeq(node)) {
      const items = node.items.map((item) => this.value(item as YamlNode, depth + 1));
      return { kind: 'list', text, dynamic: false, items, range };
    }
    if (isMap(node)) {
      const entries: Attribute[] = this.pairsOf(node, depth).map(({ key, keyNode, value }) => ({
        name: key,
        value: this.value(value, depth + 1),
        range: this.rangeOfNode(keyNode),
      }));
      return { kind: 'map', text, dynamic: false, entries, range };
    }
    return { kind: 'expression', text, dynamic: true, range };
  }

  private scalar(
    raw: ScalarData,
    tag: string | undefined,
    text: string,
    range: SourceRange,
  ): Value {
    const applicationTag = tag && tag.startsWith('!') && !tag.startsWith('!!') ? tag : undefined;
    const value = this.scalarValue(raw, applicationTag, text);
    if (applicationTag) value.tag = applicationTag;
    value.text = text;
    value.range = range;
    return value;
  }

  /**
   * The kind, value and dynamism of a scalar; the caller adds text, range and tag. Built in
   * place rather than by spreading: this runs for every scalar of every file.
   */
  private scalarValue(raw: ScalarData, applicationTag: string | undefined, text: string): Value {
    const value = { text: '', range: NO_RANGE } as Value;
    if (raw === null || raw === undefined)
      return Object.assign(value, { kind: 'null', value: null, dynamic: false });
    if (typeof raw === 'boolean')
      return Object.assign(value, { kind: 'boolean', value: raw, dynamic: false });
    if (typeof raw === 'number')
      return Object.assign(value, { kind: 'number', value: raw, dynamic: false });
    if (typeof raw === 'bigint')
      return Object.assign(value, { kind: 'number', value: Number(raw), dynamic: false });
    const string = raw instanceof Date ? text : String(raw);
    if (applicationTag === '!vault' || ENCRYPTED.test(string))
      return Object.assign(value, { kind: 'encrypted', value: string, dynamic: false });
    const dynamic = applicationTag === '!unsafe' ? false : this.options.isDynamic(string);
    return Object.assign(value, { kind: 'string', value: string, dynamic });
  }

  private countAlias(target: YamlNode, depth: number): void {
    this.aliasNodes += this.size(target, depth);
    if (this.aliasNodes > MAX_ALIAS_NODES) {
      throw new YamlError('alias-expansion', ALIAS_EXPANSION_REASON, this.rangeOfNode(target).line);
    }
  }

  private size(node: YamlNode, depth: number): number {
    if (depth > MAX_YAML_DEPTH) return MAX_ALIAS_NODES + 1;
    if (isAlias(node)) {
      const target = this.targets.get(node);
      return target ? this.size(target, depth + 1) : 1;
    }
    if (isSeq(node)) {
      let total = 1;
      for (const item of node.items) {
        total += this.size(item as YamlNode, depth + 1);
        if (total > MAX_ALIAS_NODES) return total;
      }
      return total;
    }
    if (isMap(node)) {
      let total = 1;
      for (const pair of node.items) {
        if (pair.value) total += this.size(pair.value as YamlNode, depth + 1);
        if (total > MAX_ALIAS_NODES) return total;
      }
      return total;
    }
    return 1;
  }
}

/** The entries whose key is not written again later; `distinct` counts the different keys. */
function lastOfEachKey<T extends { key: string }>(entries: T[], distinct: number): T[] {
  if (distinct === entries.length) return entries;
  const last = new Map<string, T>();
  for (const entry of entries) last.set(entry.key, entry);
  return entries.filter((entry) => last.get(entry.key) === entry);
}
