import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, SourceRange, Unit } from '../../model/model.js';
import { isFalse, isTrue } from '../support/values.js';
import { securityControlOf } from './security-tasks.js';
import { meta } from './meta.js';

/** `ignore_errors: true` or `failed_when: false` on the unit itself. */
function ignoringKeyword(unit: Unit): Attribute | undefined {
  return unit.keywords.find(
    (keyword) =>
      (keyword.name === 'ignore_errors' && isTrue(keyword.value)) ||
      (keyword.name === 'failed_when' && isFalse(keyword.value)),
  );
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return outer.line <= inner.line && outer.endLine >= inner.endLine && outer !== inner;
}

/**
 * A block that ignores errors hides its tasks' failures: it is reported once, for the first
 * control set up inside it.
 */
function check(context: RuleContext): void {
  const { file } = context;
  if (file.language !== 'ansible') return;
  for (const unit of file.units) {
    if (unit.kind !== 'task' && unit.kind !== 'handler' && unit.kind !== 'block') continue;
    const ignoring = ignoringKeyword(unit);
    if (!ignoring) continue;
    const control =
      unit.kind === 'block'
        ? file.units
            .filter((inner) => inner.kind === 'task' && contains(unit.range, inner.range))
            .map(securityControlOf)
            .find(Boolean)
        : securityControlOf(unit);
    if (!control) continue;
    const where = unit.kind === 'block' ? 'a block that sets up' : 'a task that sets up';
    context.report({
      range: ignoring.range,
      message: `\`${ignoring.name}: ${ignoring.value.text}\` on ${where} ${control}: when it fails, the run carries on and reports success while the host is left without it`,
    });
  }
}

export const securityTaskErrorsIgnored: Rule = {
  meta,
  check,
};
