import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, FileModel, Unit, Value } from '../../model/model.js';
import { bindings, reportBinding, usePhrase, type Binding } from '../support/bindings.js';
import { valueRange } from '../support/source-lines.js';
import { literalText, removesResource } from '../support/values.js';
import { SUPERUSER, USER_RESOURCES } from '../knowledge/accounts.js';
import { attributeOf } from '../support/units.js';
import { meta } from './meta.js';

const SECOND_ROOT = "a second root account, with root's full privileges under another name";

/** An account a task or resource creates with an explicit UID. */
interface Account {
  unit: Unit;
  /** the attribute that names the account, when one does */
  name?: Attribute;
  uid: Attribute;
}

/** The accounts a file creates with a UID; not the ones it removes. */
function accountsIn(file: FileModel): Account[] {
  const accounts: Account[] = [];
  for (const unit of file.units) {
    const resource = USER_RESOURCES[file.language]?.[unit.type];
    if (!resource || removesResource(unit, file.language)) continue;
    const uid = attributeOf(unit, resource.uid);
    if (!uid) continue;
    const name = resource.name
      .map((key) => attributeOf(unit, key))
      .find((attribute) => attribute !== undefined);
    accounts.push({ unit, uid, ...(name ? { name } : {}) });
  }
  return accounts;
}

/** A UID as written: a number, or a string of digits (`"0"`, `'1001'`). */
function literalUid(value: Value): number | undefined {
  const text = literalText(value)?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** An account name as written; undefined when it is computed. */
function literalName(value: Value): string | undefined {
  const text = literalText(value)?.trim();
  return text === '' ? undefined : text;
}

/** Where a computed name gets its value: "set at roles/app/defaults/main.yml:3", "when nothing sets it". */
function origin(binding: Binding): string {
  const { definition } = binding;
  return definition
    ? `\`${binding.reference}\`, set at ${definition.path}:${definition.value.range.line}`
    : `\`${binding.reference}\` when nothing sets it`;
}

/**
 * UID 0 for an account that is not root: written as it is, taken from a variable (reported on
 * the line that sets the variable), or given to a name that a variable sets.
 */
function checkSuperuserUid(context: RuleContext, account: Account): void {
  const { file, report } = context;
  const { unit, name, uid } = account;
  if (!name) return;
  const written = literalName(name.value);
  if (literalUid(uid.value) === 0) {
    if (written !== undefined) {
      if (written !== SUPERUSER)
        report({
          range: valueRange(file, uid.value),
          message: `user \`${written}\` gets UID 0: ${SECOND_ROOT}`,
        });
      return;
    }
    for (const binding of bindings(context, name.value, unit.within)) {
      const taken = literalName(binding.value);
      if (taken === undefined || taken === SUPERUSER) continue;
      report({
        range: valueRange(file, uid.value),
        message: `user \`${taken}\` (${origin(binding)}) gets UID 0: ${SECOND_ROOT}`,
      });
      return;
    }
    return;
  }
  if (!uid.value.dynamic || written === undefined || written === SUPERUSER) return;
  for (const binding of bindings(context, uid.value, unit.within)) {
    if (literalUid(binding.value) !== 0) continue;
    reportBinding(
      context,
      binding,
      { range: uid.value.range, as: usePhrase(file, unit, uid.name) },
      `gives user \`${written}\` UID 0: ${SECOND_ROOT}`,
    );
  }
}

/**
 * Two accounts of different names with the same literal UID in one file: one identity under two
 * names. Reported on the second, naming the first. UID 0 is `checkSuperuserUid`'s.
 */
function checkDuplicateUids(context: RuleContext, accounts: readonly Account[]): void {
  const { file, report } = context;
  const first = new Map<number, { name: string; line: number }>();
  for (const { name, uid } of accounts) {
    const number = literalUid(uid.value);
    const written = name && literalName(name.value);
    if (number === undefined || number === 0 || written === undefined) continue;
    const range = valueRange(file, uid.value);
    const earlier = first.get(number);
    if (!earlier) {
      first.set(number, { name: written, line: range.line });
      continue;
    }
    if (earlier.name === written) continue;
    report({
      range,
      severity: 'medium',
      message: `user \`${written}\` gets UID ${number}, which line ${earlier.line} already gives \`${earlier.name}\`: one account under two names, each owning the other's files and processes, with nothing in the logs to tell them apart`,
    });
  }
}

export const rootUidAccount: Rule = {
  meta,
  check(context) {
    const accounts = accountsIn(context.file);
    for (const account of accounts) checkSuperuserUid(context, account);
    checkDuplicateUids(context, accounts);
  },
};
