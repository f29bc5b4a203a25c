/**
 * Declarative rules from a policy, compiled into ordinary rules. Regular expressions and globs
 * run on RE2 (re2js), whose matching time is linear in the input, so a pattern like `(a+)+$` or
 * `*a*a*a*b` cannot hang a review.
 */
import type { Attribute, FileModel, SourceRange, Unit, Value } from '../model/model.js';
import type { Rule } from '../rules/rule.js';
import { isFalse, isTrue, literalText, stringText } from '../rules/support/values.js';
import { globMatches } from '../shared/globs.js';
import type { CustomCondition, CustomRuleSpec } from './types.js';
import { requireOnDemand } from '../shared/require-on-demand.js';

const re2js = requireOnDemand<typeof import('re2js')>('re2js');

/** How a `glob:` condition matches a value: dotfiles included, `!` negating, `#` a comment. */
export const CONDITION_GLOB_OPTIONS = { dot: true } as const;

type Test = (value: Value | undefined) => boolean;

export function compileCustomRule(spec: CustomRuleSpec): Rule {
  const test = compileCondition(spec);
  const types = toList(spec.match.type);
  const variables = toList(spec.match.variable);
  const attributePath = spec.match.attribute?.split('.') ?? [];
  return {
    meta: {
      id: spec.id,
      title: spec.title ?? spec.message,
      severity: spec.severity,
      category: spec.category,
      languages: spec.languages,
      description: spec.message,
      remediation: `This rule is part of the security policy in ${spec.source}; ask its owners for the accepted fix.`,
      cwe: 'CWE-710',
    },
    check({ file, report }) {
      for (const { range, value } of candidates(file, types, variables, attributePath)) {
        if (test(value)) report({ range, message: spec.message });
      }
    },
  };
}

function* candidates(
  file: FileModel,
  types: string[],
  variables: string[],
  attributePath: string[],
): Generator<{ range: SourceRange; value: Value | undefined }> {
  if (variables.length > 0) {
    for (const variable of file.variables) {
      if (globMatch(variable.name, variables) || globMatch(variable.path.join('.'), variables))
        yield { range: variable.range, value: variable.value };
    }
    return;
  }
  for (const unit of file.units) {
    if (!globMatch(unit.type, types) && !globMatch(unit.typeAsWritten, types)) continue;
    if (attributePath.length === 0) {
      yield { range: unit.typeRange, value: undefined };
      continue;
    }
    const attribute = attributeAt(unit, attributePath);
    yield { range: attribute?.range ?? unit.typeRange, value: attribute?.value };
  }
}

function attributeAt(unit: Unit, path: string[]): Attribute | undefined {
  let entries: readonly Attribute[] | undefined = unit.attributes;
  let found: Attribute | undefined;
  for (const name of path) {
    found = entries?.find((entry) => entry.name === name);
    if (!found) return undefined;
    entries = found.value.entries;
  }
  return found;
}

function compileCondition(spec: CustomRuleSpec): Test {
  const condition = spec.match as Partial<Record<keyof UnionKeys<CustomCondition>, unknown>>;
  const hasAttribute = spec.match.attribute !== undefined || spec.match.variable !== undefined;
  if (condition.absent === true) return (value) => value === undefined;
  if (condition.equals !== undefined)
    return (value) => value !== undefined && equals(value, condition.equals as Scalar);
  if (Array.isArray(condition.one_of)) {
    const options = condition.one_of as Scalar[];
    return (value) => value !== undefined && options.some((option) => equals(value, option));
  }
  if (typeof condition.glob === 'string') {
    const glob = condition.glob;
    return (value) => {
      const text = value && literalText(value);
      return text !== undefined && globMatches(text, glob, CONDITION_GLOB_OPTIONS);
    };
  }
  if (typeof condition.regex === 'string') {
    const pattern = re2js().RE2JS.compile(condition.regex);
    return (value) => {
      const text = value && (stringText(value) ?? literalText(value));
      // Whole values, never cut: RE2 runs in linear time, and files are at most 2 MiB.
      return text !== undefined && pattern.matcher(text).find();
    };
  }
  if (typeof condition.greater_than === 'number')
    return numeric((number) => number > (condition.greater_than as number));
  if (typeof condition.less_than === 'number')
    return numeric((number) => number < (condition.less_than as number));
  // `present`, or an attribute with no condition: the attribute exists; no attribute: the unit exists.
  return (value) => !hasAttribute || value !== undefined;
}

type Scalar = string | number | boolean;
type UnionKeys<T> = { [K in T extends unknown ? keyof T : never]: unknown };

function equals(value: Value, expected: Scalar): boolean {
  if (typeof expected === 'boolean') return expected ? isTrue(value) : isFalse(value);
  const text = literalText(value);
  return text !== undefined && text === String(expected);
}

function numeric(compare: (number: number) => boolean): Test {
  return (value) => {
    const text = value && literalText(value);
    if (text === undefined || text.trim() === '') return false;
    const number = Number(text);
    return Number.isFinite(number) && compare(number);
  };
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function globMatch(text: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globMatches(text, glob));
}
