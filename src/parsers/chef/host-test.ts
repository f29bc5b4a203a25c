/**
 * A Ruby condition of a recipe that asks only what the node is: its platform (`platform?('ubuntu')`,
 * `platform_family?('rhel')`) or the attributes Ohai reads from it (`node['platform_version'].to_i
 * >= 8`, `%w(debian ubuntu).include?(node['platform'])`). Such a condition picks the nodes a
 * resource is for; on those it is always declared, so what it writes is judged as if declared
 * unconditionally. A condition that reads any other attribute or variable is an option someone
 * sets, and is not one.
 */
import { callArguments, field, meaningfulChildren, type SyntaxNode } from './syntax.js';
import type { RubyValues } from './values.js';
import { OHAI_ATTRIBUTES, SHARED_COMPARISONS } from '../host-facts.js';

/** A reference to an automatic attribute Ohai sets from what it finds on the node. */
const OHAI_ATTRIBUTE = new RegExp(String.raw`^node\.(?:${OHAI_ATTRIBUTES.join('|')})(?:\.|$)`);

/** The DSL's questions about the node's platform. */
const PLATFORM_QUESTIONS: ReadonlySet<string> = new Set([
  'platform?',
  'platform_family?',
  'debian?',
  'rhel?',
  'fedora?',
  'suse?',
  'ubuntu?',
  'amazon?',
  'windows?',
  'linux?',
  'macos?',
]);

/** Methods on what a condition reads that only compare or convert it. */
const CONVERTING_METHODS: ReadonlySet<string> = new Set([
  'to_i',
  'to_f',
  'to_s',
  'to_sym',
  'downcase',
  'upcase',
  'strip',
  'include?',
  'start_with?',
  'end_with?',
  'between?',
]);

const COMPARISONS: ReadonlySet<string> = new Set([...SHARED_COMPARISONS, '&&', '||', 'and', 'or']);

const LITERALS: ReadonlySet<string> = new Set([
  'integer',
  'float',
  'simple_symbol',
  'regex',
  'true',
  'false',
  'nil',
  'string_array',
  'symbol_array',
]);

/** Conditions nested deeper than this are not read. */
const MAX_DEPTH = 20;

type Reading = 'node' | 'literal' | 'other';

export function selectsNodes(condition: SyntaxNode, values: RubyValues): boolean {
  return readsOnlyTheNode(condition, values, 0) === 'node';
}

function readsOnlyTheNode(node: SyntaxNode, values: RubyValues, depth: number): Reading {
  if (depth > MAX_DEPTH) return 'other';
  const deeper = (parts: readonly SyntaxNode[]) => combined(parts, values, depth + 1);
  if (LITERALS.has(node.type)) return 'literal';
  switch (node.type) {
    case 'string':
      return meaningfulChildren(node).every((part) => part.type !== 'interpolation')
        ? 'literal'
        : 'other';
    case 'array':
    case 'parenthesized_statements':
      return deeper(meaningfulChildren(node));
    case 'unary': {
      const operator = field(node, 'operator')?.text;
      const operand = field(node, 'operand');
      return (operator === '!' || operator === 'not') && operand ? deeper([operand]) : 'other';
    }
    case 'binary': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const operator = field(node, 'operator')?.text ?? '';
      return left && right && COMPARISONS.has(operator) ? deeper([left, right]) : 'other';
    }
    case 'element_reference': {
      const value = values.value(node);
      return value.kind === 'reference' && OHAI_ATTRIBUTE.test(value.name ?? '') ? 'node' : 'other';
    }
    case 'call':
    case 'identifier':
      return call(node, values, depth);
    default:
      return 'other';
  }
}

function call(node: SyntaxNode, values: RubyValues, depth: number): Reading {
  const method = node.type === 'identifier' ? node.text : field(node, 'method')?.text;
  const receiver = node.type === 'identifier' ? undefined : field(node, 'receiver');
  const args = node.type === 'identifier' || field(node, 'block') ? [] : callArguments(node);
  if (!method) return 'other';
  if (!receiver && PLATFORM_QUESTIONS.has(method))
    return combined(args, values, depth + 1) === 'other' ? 'other' : 'node';
  if (receiver && CONVERTING_METHODS.has(method))
    return combined([receiver, ...args], values, depth + 1);
  return 'other';
}

function combined(parts: readonly SyntaxNode[], values: RubyValues, depth: number): Reading {
  let reading: Reading = 'literal';
  for (const part of parts) {
    const read = readsOnlyTheNode(part, values, depth);
    if (read === 'other') return 'other';
    if (read === 'node') reading = 'node';
  }
  return reading;
}
