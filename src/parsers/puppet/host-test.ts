/**
 * A Puppet condition that asks only what the node is: its facts (`$facts['os']['family'] ==
 * 'Debian'`, `$::osfamily == 'RedHat'`, `versioncmp($facts['os']['release']['major'], '8') >=
 * 0`) or its certificate (`$trusted['certname'] =~ /^bastion/`). Such a condition picks the
 * nodes a resource is for; on those it is always declared, so what it writes is judged as if
 * declared unconditionally. A condition that reads any other variable is an option someone
 * sets, and is not one.
 */
import type { Expression } from './ast.js';
import { PUPPET_FACT_HASHES, PUPPET_LEGACY_FACTS, SHARED_COMPARISONS } from '../host-facts.js';

/** The hashes of what Puppet knows of the node. */
const FACT_HASHES: ReadonlySet<string> = new Set(PUPPET_FACT_HASHES);

/** Legacy top-scope facts, as manifests still read them (`$::osfamily`, `$operatingsystem`). */
const LEGACY_FACTS: ReadonlySet<string> = new Set(PUPPET_LEGACY_FACTS);

/** Functions that compare what they are given and read nothing else. */
const COMPARING_FUNCTIONS: ReadonlySet<string> = new Set(['versioncmp']);

const COMPARISONS: ReadonlySet<string> = new Set([...SHARED_COMPARISONS, 'and', 'or', 'in']);

export function selectsNodes(test: Expression): boolean {
  return readsOnlyFacts(test) === 'facts';
}

/** `facts` when the expression reads facts and nothing else, `literal` when it reads nothing. */
function readsOnlyFacts(expr: Expression): 'facts' | 'literal' | 'other' {
  switch (expr.kind) {
    case 'String':
    case 'Integer':
    case 'Float':
    case 'Boolean':
    case 'Undef':
    case 'Regex':
    case 'QualifiedName':
      return 'literal';
    case 'Variable':
      return isFact(expr.name) ? 'facts' : 'other';
    case 'Access':
      return readsOnlyFacts(expr.left) === 'facts' &&
        expr.keys.every((key) => readsOnlyFacts(key) === 'literal')
        ? 'facts'
        : 'other';
    case 'Unary':
      return expr.operator === 'not' || expr.operator === 'paren'
        ? readsOnlyFacts(expr.expr)
        : 'other';
    case 'Binary':
      return COMPARISONS.has(expr.operator) ? combined([expr.left, expr.right]) : 'other';
    case 'List':
      return combined(expr.values);
    case 'CallNamedFunction':
      return expr.functor.kind === 'QualifiedName' &&
        COMPARING_FUNCTIONS.has(expr.functor.value) &&
        !expr.lambda
        ? combined(expr.args)
        : 'other';
    default:
      return 'other';
  }
}

function combined(parts: readonly Expression[]): 'facts' | 'literal' | 'other' {
  let result: 'facts' | 'literal' = 'literal';
  for (const part of parts) {
    const read = readsOnlyFacts(part);
    if (read === 'other') return 'other';
    if (read === 'facts') result = 'facts';
  }
  return result;
}

function isFact(name: string): boolean {
  const bare = name.replace(/^::/, '');
  return FACT_HASHES.has(bare) || LEGACY_FACTS.has(bare);
}
