/**
 * Puppet resources that put a secret in the agent's output and reports: a setting of an INI
 * style config type (`nova_config`, `ini_setting`) whose value Puppet logs as it changes it,
 * unless `secret => true` (the openstacklib types) or `show_diff => false` hides it; and a
 * `file` whose content holds a secret, which Puppet prints as a diff. A value wrapped in
 * `Sensitive()` is redacted wherever Puppet would show it.
 */
import type { FileModel, SourceRange, Unit, Value } from '../../model/model.js';
import type { RuleContext } from '../rule.js';
import { isSecretName, nameWords } from '../support/names.js';
import { secretReferencesIn } from '../support/secrets.js';
import { isFalse, isTrue, literalText, ownStrings } from '../support/values.js';
import { rangeOfText } from '../support/source-lines.js';
import { attributeOf } from '../support/units.js';

/** Types that write one setting of an INI file: `ini_setting` and the `<service>_config` types. */
function isSettingType(type: string): boolean {
  return type === 'ini_setting' || /^[a-z0-9_]+_config$/.test(type);
}

/** nova's `libvirt/inject_password` switches password injection on; it holds no password. */
const SWITCH_WORDS = new Set(['inject']);

/** The setting's name: `setting =>`, or the last part of a `section/setting` title. */
function settingName(unit: Unit): string | undefined {
  const setting = literalText(attributeOf(unit, 'setting')?.value ?? ({} as Value));
  if (setting) return setting;
  return unit.name?.split('/').at(-1);
}

/** A value Puppet would show as it is: not `Sensitive()`, not unset. */
function shownPlainly(value: Value): boolean {
  if (value.kind === 'call' && value.name === 'Sensitive') return false;
  if (/\.unwrap\b/.test(value.text) === false && /Sensitive\(/.test(value.text)) return false;
  const text = literalText(value);
  return value.kind !== 'null' && text !== '' && text !== 'undef';
}

function hidden(unit: Unit): boolean {
  const secret = attributeOf(unit, 'secret');
  const showDiff = attributeOf(unit, 'show_diff');
  return (
    (secret !== undefined && isTrue(secret.value)) ||
    (showDiff !== undefined && isFalse(showDiff.value))
  );
}

/** A secret a file's content holds: `"password=${db_password}"`, `epp(..., { 'db_password' => $x })`. */
function secretInContent(
  file: FileModel,
  content: Value,
): { name: string; range: SourceRange } | undefined {
  if (content.kind === 'call' && content.name === 'Sensitive') return undefined;
  if (content.kind === 'reference' && content.name) {
    const last = content.name.split('::').at(-1) ?? '';
    if (isSecretName(last)) return { name: last, range: content.range };
  }
  for (const string of ownStrings(content)) {
    const [reference] = secretReferencesIn(string.value, 'puppet', isSecretName);
    if (reference)
      return { name: reference.name, range: rangeOfText(file, string.range, reference.expression) };
  }
  if (content.kind === 'call')
    for (const item of content.items ?? [])
      for (const entry of item.entries ?? [])
        if (isSecretName(entry.name) && shownPlainly(entry.value))
          return { name: entry.name, range: entry.range };
  return undefined;
}

export function checkPuppetResources({ file, report }: RuleContext): void {
  for (const unit of file.units) {
    if (unit.kind !== 'resource' || hidden(unit)) continue;
    if (isSettingType(unit.type)) {
      const name = settingName(unit);
      const value = attributeOf(unit, 'value');
      if (
        name &&
        value &&
        isSecretName(name) &&
        !nameWords(name).some((word) => SWITCH_WORDS.has(word)) &&
        shownPlainly(value.value)
      )
        report({
          range: value.range,
          message: `\`${unit.type}\` sets the secret \`${name}\` without \`secret => true\` or \`Sensitive()\`: Puppet logs the old and new value in the agent's output and its reports`,
        });
      continue;
    }
    if (unit.type !== 'file') continue;
    const content = attributeOf(unit, 'content')?.value;
    const found = content && secretInContent(file, content);
    if (found)
      report({
        range: found.range,
        message: `The file's content holds the secret \`${found.name}\` without \`Sensitive()\` or \`show_diff => false\`: Puppet prints the diff, secret included, in the agent's output and its reports`,
      });
  }
}
