import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
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
};
