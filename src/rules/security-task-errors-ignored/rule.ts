import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, SourceRange, Unit } from '../../model/model.js';
import { isFalse, isTrue } from '../support/values.js';
import { securityControlOf } from './security-tasks.js';

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
  meta: {
    id: 'security-task-errors-ignored',
    title: 'Errors ignored on a task that sets up a security control',
    severity: 'low',
    category: 'security-control-disabled',
    languages: ['ansible'],
    description:
      '`ignore_errors: true` or `failed_when: false` on a task (or a block around it) that sets up a security control: a firewall rule, SELinux, a user account, SSH or sudo configuration, auditing, PAM, package signing keys, certificates, kernel hardening. When the task fails the run still succeeds, and nobody learns that the host is running without the control.',
    remediation:
      'Let the task fail. If some failures are expected, say which with `failed_when` on the result (a return code, a message), or handle them with `block`/`rescue` that reports them.',
    cwe: 'CWE-754',
    catalog: ['PRIV-14'],
  },
  check,
};
