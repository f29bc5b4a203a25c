/**
 * Chef resources that write a secret into a file without `sensitive true`: Chef prints the
 * diff of every file it changes (and the content of one it fails on) in its log and the run's
 * report, so a template given a password, or a file whose content holds one, shows it there.
 */
import type { Attribute, FileModel, SourceRange, Unit, Value } from '../../model/model.js';
import type { RuleContext } from '../rule.js';
import { isSecretName } from '../support/names.js';
import { secretReferencesIn } from '../support/secrets.js';
import { isFalse, literalText, ownStrings } from '../support/values.js';
import { rangeOfText } from '../support/source-lines.js';
import { attributeOf } from '../support/units.js';

/** Resources whose content Chef shows as a diff. */
const CONTENT_RESOURCES = new Set(['template', 'file']);

function markedSensitive(unit: Unit): boolean {
  const sensitive = attributeOf(unit, 'sensitive');
  return sensitive !== undefined && !isFalse(sensitive.value);
}

/** A value that gives the secret something: not empty, not `nil`. */
function holdsSomething(value: Value): boolean {
  const text = literalText(value);
  return value.kind !== 'null' && text !== '' && text !== 'nil';
}

/** A secret-named variable handed to the template: `variables(password: ...)`, nested maps included. */
function secretVariable(entries: readonly Attribute[]): Attribute | undefined {
  for (const entry of entries) {
    if (isSecretName(entry.name) && holdsSomething(entry.value)) return entry;
    const nested = secretVariable(entry.value.entries ?? []);
    if (nested) return nested;
  }
  return undefined;
}

/** A secret the content reads: `content "password=#{node['app']['password']}"`, `content new_resource.token`. */
function secretInContent(
  file: FileModel,
  content: Value,
): { name: string; range: SourceRange } | undefined {
  if ((content.kind === 'reference' || content.kind === 'call') && content.name) {
    const last = content.name.split('.').at(-1) ?? '';
    if (isSecretName(last)) return { name: last, range: content.range };
  }
  for (const string of ownStrings(content)) {
    const [reference] = secretReferencesIn(string.value, 'chef', isSecretName);
    if (reference)
      return { name: reference.name, range: rangeOfText(file, string.range, reference.expression) };
  }
  return undefined;
}

export function checkChefResources({ file, report }: RuleContext): void {
  for (const unit of file.units) {
    if (unit.kind !== 'resource' || !CONTENT_RESOURCES.has(unit.type) || markedSensitive(unit))
      continue;
    const variables = attributeOf(unit, 'variables')?.value.entries;
    const variable = variables && secretVariable(variables);
    if (variable) {
      report({
        range: variable.range,
        message: `The template is given the secret \`${variable.name}\` without \`sensitive true\`: Chef prints the diff of the rendered file, secret included, in its log and run report`,
      });
      continue;
    }
    const content = attributeOf(unit, 'content')?.value;
    const found = content && secretInContent(file, content);
    if (found)
      report({
        range: found.range,
        message: `The file's content holds the secret \`${found.name}\` without \`sensitive true\`: Chef prints the diff of the file, secret included, in its log and run report`,
      });
  }
}
