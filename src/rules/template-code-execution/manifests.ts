/**
 * Template code run from manifests and playbooks: Puppet's `inline_template()` with Ruby that
 * shells out or evaluates text, and `generate()` (which runs a command on the Puppet server
 * while it compiles) given arguments built from variables; Ansible `pipe` and `lines` lookups,
 * which run a command on the controller, with a command built from variables.
 */
import type { FileModel, Value } from '../../model/model.js';
import { erbTags } from '../../parsers/templates/erb-tags.js';
import { TemplateSyntaxError } from '../../parsers/templates/tags.js';
import { jinjaCommandLookup, rubyExecution } from './template-tags.js';

export interface ManifestExecution {
  value: Value;
  what: string;
  built: boolean;
}

/** Every value the file holds, nested ones included. */
function valuesIn(file: FileModel): Value[] {
  const values: Value[] = [];
  const walk = (value: Value): void => {
    values.push(value);
    for (const item of value.items ?? []) walk(item);
    for (const entry of value.entries ?? []) walk(entry.value);
  };
  for (const unit of file.units)
    for (const attribute of [...unit.attributes, ...unit.keywords]) walk(attribute.value);
  for (const variable of file.variables) walk(variable.value);
  return values;
}

export function* manifestExecutions(file: FileModel): Generator<ManifestExecution> {
  // Only Puppet calls and Ansible lookups are looked for: nothing to walk in a Chef file.
  if (file.language !== 'puppet' && file.language !== 'ansible') return;
  for (const value of valuesIn(file)) {
    if (file.language === 'puppet' && value.kind === 'call') {
      const found = puppetCall(value);
      if (found) yield { value, ...found };
    }
    if (file.language === 'ansible' && value.kind === 'string' && typeof value.value === 'string') {
      const found = jinjaCommandLookup(value.value);
      if (found?.built) yield { value, ...found };
    }
  }
}

function puppetCall(call: Value): { what: string; built: boolean } | undefined {
  const args = call.items ?? [];
  if (call.name === 'generate') {
    const built = args.some((arg) => arg.dynamic);
    return built
      ? { what: 'runs a command on the Puppet server with `generate()`', built }
      : undefined;
  }
  if (call.name !== 'inline_template') return undefined;
  for (const arg of args) {
    if (typeof arg.value !== 'string') continue;
    let tags;
    try {
      tags = erbTags(arg.value, 'ruby');
    } catch (error) {
      // A malformed template runs nothing; anything else is a defect, and the file fails.
      if (error instanceof TemplateSyntaxError) continue;
      throw error;
    }
    for (const tag of tags) {
      if (tag.kind === 'comment') continue;
      const found = rubyExecution(tag.code);
      if (found) return { what: `${found.what} in \`inline_template()\``, built: found.built };
    }
  }
  return undefined;
}
