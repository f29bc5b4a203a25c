/**
 * Ansible tasks that print a secret: a loop whose items hold one (Ansible shows each item
 * next to its result, and a module's own `no_log` options do not mask it), and `debug` of a
 * secret. `no_log` on the task, its block or its play, or a `loop_control.label`, keep it out.
 */
import type { Attribute, FileModel, SourceRange, Unit, Value } from '../../model/model.js';
import type { RuleContext } from '../rule.js';
import { isSecretName } from '../support/names.js';
import { secretReferencesIn } from '../support/secrets.js';
import { isFalse, literalText, ownStrings } from '../support/values.js';
import { rangeOfText } from '../support/source-lines.js';
import { keywordOf } from '../support/units.js';
import { scopesAround } from '../../model/scopes.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

/**
 * `no_log` as the task runs with it: its own, else its innermost block's or play's. A templated
 * value is taken as set: whoever wrote it meant to hide the output when it matters.
 */
function hidesOutput(file: FileModel, task: Unit): boolean {
  const setting = [...scopesAround(file, task), task]
    .map((scope) => keywordOf(scope, 'no_log'))
    .findLast(Boolean);
  return setting !== undefined && !isFalse(setting.value);
}

/** `loop`, `with_items`, `with_dict`, ...: the keyword that makes the task a loop. */
function loopKeyword(task: Unit): Attribute | undefined {
  return task.keywords.find(
    (candidate) => candidate.name === 'loop' || /^with_/.test(candidate.name),
  );
}

function loopControl(task: Unit, name: string): Value | undefined {
  return keywordOf(task, 'loop_control')?.value.entries?.find((entry) => entry.name === name)
    ?.value;
}

/** Every string in a value, map entries included. */
function* allStrings(value: Value): Generator<Value & { value: string }> {
  yield* ownStrings(value);
  for (const entry of value.entries ?? []) yield* allStrings(entry.value);
  if (value.kind === 'list') for (const item of value.items ?? []) yield* allStrings(item);
}

/** A name of one secret or of several: `api_token`, `api_tokens`. */
function isSecretsName(name: string): boolean {
  return isSecretName(name) || isSecretName(name.replace(/s$/, ''));
}

/** The secret an item of the loop holds, by name, or undefined. */
function secretInItems(task: Unit, loop: Attribute): string | undefined {
  const loopVarValue = loopControl(task, 'loop_var');
  const itemVar = (loopVarValue && literalText(loopVarValue)) || 'item';
  // The task reads a secret out of the item: `{{ item.password }}`, `{{ item.value.token }}`;
  // not `{{ getent_passwd[item] }}`, which reads something else with the item as its key.
  const fromItem = (name: string) =>
    new RegExp(
      `(^|[^\\w.])${escapeRegExp(itemVar)}(\\.\\w+|\\[[^\\]]+\\])*(\\.|\\[\\s*['"])${escapeRegExp(name)}\\b`,
    );
  for (const attribute of [...task.attributes, ...task.keywords]) {
    if (attribute === loop) continue;
    for (const string of allStrings(attribute.value))
      for (const reference of secretReferencesIn(string.value, 'ansible', isSecretName))
        if (fromItem(reference.name).test(reference.expression)) return reference.name;
  }
  // The loop goes over secrets themselves: `loop: "{{ api_tokens }}"`.
  for (const string of ownStrings(loop.value))
    if (string.dynamic) {
      const [reference] = secretReferencesIn(string.value, 'ansible', isSecretsName);
      if (reference) return reference.name;
    }
  // Items written out with a secret in them: `loop: [{name: app, password: ...}]`.
  for (const item of loop.value.items ?? [])
    for (const entry of item.entries ?? [])
      if (isSecretName(entry.name) && (literalText(entry.value) ?? entry.value.text) !== '')
        return entry.name;
  return undefined;
}

/** What a `debug` task prints of a secret: `var: db_password`, `msg: "{{ db_password }}"`. */
function secretDebugged(
  file: FileModel,
  task: Unit,
): { name: string; range: SourceRange } | undefined {
  for (const attribute of task.attributes) {
    if (attribute.name === 'var') {
      const name = literalText(attribute.value)?.trim();
      const last = name
        ?.split(/[.[\]'"]+/)
        .filter(Boolean)
        .at(-1);
      if (name && last && isSecretName(last)) return { name: last, range: attribute.value.range };
    }
    if (attribute.name === 'msg' || attribute.name === '_raw_params') {
      for (const string of allStrings(attribute.value)) {
        const [reference] = secretReferencesIn(string.value, 'ansible', isSecretName);
        if (reference)
          return {
            name: reference.name,
            range: rangeOfText(file, string.range, reference.expression),
          };
      }
    }
  }
  return undefined;
}

export function checkAnsibleTasks({ file, report }: RuleContext): void {
  for (const task of file.units) {
    if (task.kind !== 'task' && task.kind !== 'handler') continue;
    if (hidesOutput(file, task)) continue;
    if (task.type === 'debug') {
      const debugged = secretDebugged(file, task);
      if (debugged)
        report({
          range: debugged.range,
          message: `\`debug\` prints the secret \`${debugged.name}\` into the run's output and logs; add \`no_log: true\` or remove the task`,
        });
      continue;
    }
    const loop = loopKeyword(task);
    if (!loop || loopControl(task, 'label')) continue;
    const secret = secretInItems(task, loop);
    if (secret)
      report({
        range: loop.range,
        message: `The items of this loop hold \`${secret}\`, and Ansible prints each item beside its result, where the module's own masking does not reach: add \`no_log: true\` or a \`loop_control.label\` that leaves the secret out`,
      });
  }
}
