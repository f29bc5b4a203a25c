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

/** Throws a located `too-deep` error at the first collection nested deeper than `MAX_YAML_DEPTH`. */
export function checkNesting(
  tokens: readonly CST.Token[],
  lineOf: (offset: number) => number,
): void {
  // Two parallel stacks rather than an object per token: this runs over every token of every file.
  const pending: CST.Token[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  for (let token = pending.pop(); token; token = pending.pop()) {
    const outer = depths.pop() ?? 0;
    if (token.type === 'document') {
      if (token.value) {
        pending.push(token.value);
        depths.push(outer);
      }
      continue;
    }
    if (
      token.type !== 'block-map' &&
      token.type !== 'block-seq' &&
      token.type !== 'flow-collection'
    )
      continue;
    const depth = outer + 1;
    if (depth > MAX_YAML_DEPTH)
      throw new YamlError('too-deep', NESTING_REASON, lineOf(token.offset));
    for (const item of token.items) {
      if (item.key) {
        pending.push(item.key);
        depths.push(depth);
      }
      if (item.value) {
        pending.push(item.value);
        depths.push(depth);
      }
    }
  }
}
