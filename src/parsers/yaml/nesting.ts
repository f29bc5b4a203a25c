/**
 * How deep YAML may nest before Posture refuses to read it. The limit is checked on the concrete
 * syntax tree, without recursion, before anything that recurses per level (the `yaml` composer,
 * the model builders, the rules) sees the file, so a file nested a million levels deep gets the
 * same located message as one nested a level too deep.
 */
import type { CST } from 'yaml';
import { YamlError } from './yaml-error.js';

/**
 * Mappings and sequences inside one another. Ansible's PyYAML accepts a few hundred levels;
 * real playbooks and vars stay far below this, deep JSON-like data included.
 */
export const MAX_YAML_DEPTH = 128;

export const NESTING_REASON = `nesting deeper than ${MAX_YAML_DEPTH} levels is not analysed`;

const COLLECTIONS: ReadonlySet<string> = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Throws a located `too-deep` error at the first collection nested deeper than `MAX_YAML_DEPTH`. */
export function checkNesting(
  tokens: readonly CST.Token[],
  lineOf: (offset: number) => number,
): void {
  const pending: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({
    token,
    depth: 0,
  }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token } = next;
    const depth = COLLECTIONS.has(token.type) ? next.depth + 1 : next.depth;
    if (depth > MAX_YAML_DEPTH)
      throw new YamlError('too-deep', NESTING_REASON, lineOf(token.offset));
    for (const child of children(token)) pending.push({ token: child, depth });
  }
}

function children(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return token.items.flatMap((item) => [
        ...(item.key ? [item.key] : []),
        ...(item.value ? [item.value] : []),
      ]);
    default:
      return [];
  }
}
