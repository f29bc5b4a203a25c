import type { Rule } from '../rule.js';
import type { Unit } from '../../model/model.js';
import { meta } from './meta.js';

/** `community.docker.docker_container` → `community.docker`; undefined for a short name. */
function collectionOf(unit: Unit): string | undefined {
  if (unit.kind === 'dependency') return unit.type === 'collection' ? unit.name : undefined;
  if (unit.kind !== 'task' && unit.kind !== 'handler') return undefined;
  const parts = unit.typeAsWritten.split('.');
  return parts.length >= 3 ? parts.slice(0, 2).join('.') : undefined;
}

/** An entry allows a collection (`community.docker`) or a whole namespace (`community`). */
function isAllowed(collection: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => collection === entry || collection.startsWith(`${entry}.`));
}

export const unapprovedModule: Rule = {
  meta,
  check({ file, options, report }) {
    if (file.language !== 'ansible') return;
    const allowed = options.allowed ?? [];
    for (const unit of file.units) {
      const collection = collectionOf(unit);
      if (!collection || isAllowed(collection, allowed)) continue;
      report({
        range: unit.typeRange,
        message:
          unit.kind === 'dependency'
            ? `collection \`${collection}\` is not on the allowed list: have it reviewed before it runs on the hosts`
            : `\`${unit.typeAsWritten}\` comes from \`${collection}\`, which is not on the allowed list: have it reviewed before it runs on the hosts`,
      });
    }
  },
};
