import type { Rule } from '../rule.js';
import type { Unit } from '../../model/model.js';

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
  meta: {
    id: 'unapproved-module',
    title: 'Module or collection outside the allowed list',
    severity: 'medium',
    category: 'unapproved-module',
    languages: ['ansible'],
    description:
      "A task calls a module from a collection, or `requirements.yml` pulls in a collection, that is not on the list the organisation has vetted. A collection runs as code on the control node and on every host it manages; one nobody reviewed is a supply-chain risk. Opt-in: the list is each organisation's own.",
    remediation:
      "Use a module from an allowed collection, or have the collection reviewed and add it to the rule's `allowed` option in the policy.",
    cwe: 'CWE-829',
    catalog: ['SUP-12'],
    optIn: true,
    options: {
      allowed: {
        description:
          'Collections (`community.docker`) or whole namespaces (`ansible`) whose modules may be used.',
        default: ['ansible'],
      },
    },
  },
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
