/**
 * Judging the arguments of Ansible modules that take nested options: cloud modules
 * (`amazon.aws.ec2_instance` with `volumes[].ebs.encrypted`), container modules and
 * network-device modules. A check names the modules (by their short names, so that
 * `amazon.aws.rds_instance` and `rds_instance` are one), the path to an option and what is wrong
 * with a literal value there; values read from a variable are judged where the variable is set.
 */
import type { Severity } from '../../model/finding.js';
import type { Attribute, SourceRange, Unit, Value } from '../../model/model.js';
import type { RuleContext } from '../rule.js';
import { valueRange } from './assignments.js';
import { reportBinding, usePhrase, wholeBindings } from './bindings.js';
import { removesResource } from './values.js';

export interface ArgumentCheck {
  /** short module names */
  modules: readonly string[];
  /**
   * The option and the keys below it, through maps and lists of maps:
   * `['volumes', 'ebs', 'encrypted']` reaches `encrypted` in every volume's `ebs`.
   */
  path: readonly string[];
  /** What the value does wrong, as a phrase that follows the option as written; undefined when it is fine. */
  judge: (value: Value, where: OptionPlace) => Verdict | undefined;
  /** less than the rule's own severity */
  severity?: Severity;
  /** judged on a task that removes what it names too (`state: absent` is the problem) */
  whenRemoved?: boolean;
  /** a list is judged item by item, each reported on its own line */
  eachItem?: boolean;
}

/** What is wrong, as a phrase that follows the option as written, with a lower severity when it is less. */
export type Verdict = string | { problem: string; severity: Severity };

/** Where an option is: its task, and the options beside it in the same map. */
export interface OptionPlace {
  unit: Unit;
  siblings: readonly Attribute[];
}

/** An option found at the end of a path, with the options beside it. */
export interface FoundOption {
  attribute: Attribute;
  siblings: readonly Attribute[];
}

/** Every option at `path` below the arguments, through maps and lists of maps. */
export function optionsAt(
  attributes: readonly Attribute[],
  path: readonly string[],
): FoundOption[] {
  const [first, ...rest] = path;
  if (first === undefined) return [];
  const found: FoundOption[] = [];
  for (const attribute of attributes) {
    if (attribute.name !== first) continue;
    if (rest.length === 0) {
      found.push({ attribute, siblings: attributes });
      continue;
    }
    for (const map of mapsIn(attribute.value))
      for (const option of optionsAt(map.entries ?? [], rest)) found.push(option);
  }
  return found;
}

/** The value if it is a map, or the maps of a list. */
export function mapsIn(value: Value): Value[] {
  if (value.kind === 'map') return [value];
  if (value.kind === 'list') return (value.items ?? []).filter((item) => item.kind === 'map');
  return [];
}

/** How a message names a task's module: as written (`amazon.aws.rds_instance`). */
export function moduleLabel(unit: Unit): string {
  return `\`${unit.typeAsWritten}\``;
}

/** `storage_encrypted: false`, or the option's name alone when its value spans lines. */
export function optionShown(attribute: Attribute): string {
  const text = attribute.value.text.trim();
  return text.includes('\n') || text.length > 60
    ? `\`${attribute.name}\``
    : `\`${attribute.name}: ${text}\``;
}

/**
 * Runs the checks over the file's tasks: a literal is reported where it is written, a value that
 * is one variable where the variable is set (naming the task that uses it).
 */
export function checkArguments(context: RuleContext, checks: readonly ArgumentCheck[]): void {
  const { file } = context;
  if (file.language !== 'ansible') return;
  // one finding a line: two checks that read one option say one thing about it
  const reportedLines = new Set<number>();
  const report = (range: SourceRange, message: string, severity?: Severity): void => {
    if (reportedLines.has(range.line)) return;
    reportedLines.add(range.line);
    context.report({ range, message, ...(severity ? { severity } : {}) });
  };
  for (const unit of file.units) {
    if (unit.kind !== 'task' && unit.kind !== 'handler') continue;
    for (const check of checks) {
      if (!check.modules.includes(unit.type)) continue;
      if (!check.whenRemoved && removesResource(unit, 'ansible')) continue;
      for (const { attribute, siblings } of optionsAt(unit.attributes, check.path)) {
        const place = { unit, siblings };
        const { value } = attribute;
        if (check.eachItem && value.kind === 'list') {
          for (const item of value.items ?? []) {
            const verdict = verdictOf(check, check.judge(item, place));
            if (verdict)
              report(
                item.range,
                `\`${item.text.trim()}\` in \`${attribute.name}\` of ${moduleLabel(unit)} ${verdict.problem}`,
                verdict.severity,
              );
          }
          continue;
        }
        const verdict = verdictOf(check, check.judge(value, place));
        if (verdict) {
          report(
            valueRange(attribute, value),
            `${optionShown(attribute)} on ${moduleLabel(unit)} ${verdict.problem}`,
            verdict.severity,
          );
          continue;
        }
        for (const binding of wholeBindings(context, attribute.value, unit.within)) {
          const bound = verdictOf(check, check.judge(binding.value, place));
          if (!bound) continue;
          reportBinding(
            context,
            binding,
            {
              range: attribute.value.range,
              as: usePhrase(file, unit, check.path.join('.')),
            },
            bound.problem,
            bound.severity ? { severity: bound.severity } : {},
          );
        }
      }
    }
  }
}

function verdictOf(
  check: ArgumentCheck,
  verdict: Verdict | undefined,
): { problem: string; severity?: Severity } | undefined {
  if (verdict === undefined) return undefined;
  if (typeof verdict === 'string')
    return check.severity ? { problem: verdict, severity: check.severity } : { problem: verdict };
  return verdict;
}
