/**
 * Chef: a custom resource's `execute`, `bash` or `script` that interpolates one of the resource's
 * own properties (`#{new_resource.user}`) into the code it hands to a second interpreter
 * (`psql -c "..."`, `sh -c '...'`). The properties are the resource's interface: each
 * recipe that uses it passes its own values, often from node attributes or data bags, and the
 * command string reaches a shell when it holds shell syntax. A property typed as a number, a
 * boolean or a fixed list of values (`equal_to:`, `Integer`, `[true, false]`) cannot carry a
 * command and is left alone, as are values escaped for the shell (`.shellescape`,
 * `Shellwords.escape`) and node attributes, which the site's own roles and environments set.
 */
import type { FileModel, Unit, Value } from '../../model/model.js';
import { COMMAND_ATTRIBUTES } from '../knowledge/commands.js';
import { insideCodeArgument, interpolationsIn, type Interpolation } from './interpolations.js';
import { attributeOf } from '../support/units.js';

/** Resources a custom resource's action declares to run shell text. */
const SHELL_RESOURCES = new Set(['execute', 'bash', 'script', 'sh', 'ksh', 'csh']);

/** `property :user, String, default: 'root'`, `attribute :user, kind_of: String` */
const PROPERTY_DECLARATION = /^\s*(?:property|attribute)\s+:(\w+)\s*(?:,\s*(.*))?$/;

/** What follows the name when the property can only hold a number, a boolean or listed values. */
const CONSTRAINED_TYPE =
  /^(Integer|Float|Numeric|TrueClass|FalseClass|%w|\[\s*['":]|\[\s*true\s*,\s*false\s*\]|\[\s*false\s*,\s*true\s*\]|Symbol)\b|kind_of:\s*(Integer|Numeric|TrueClass|FalseClass)|equal_to:|regex:/;

const ESCAPED =
  /\.shellescape\b|Shellwords\.(escape|shellescape|join)|\.shelljoin\b|\.to_i\b|\.to_f\b/;

export interface ChefInjection {
  unit: Unit;
  value: Value;
  interpolation: Interpolation;
  property: string;
}

export function* chefInjections(file: FileModel): Generator<ChefInjection> {
  const properties = freeTextProperties(file);
  if (properties.size === 0) return;
  for (const unit of file.units) {
    if (!SHELL_RESOURCES.has(unit.type)) continue;
    const names = COMMAND_ATTRIBUTES.chef?.[unit.type] ?? [];
    const command = unit.attributes.find((attribute) => names.includes(attribute.name));
    // An `execute` without a `command` runs its name.
    const value =
      command?.value ?? (unit.type === 'execute' ? attributeOf(unit, 'name')?.value : undefined);
    if (!value || value.kind !== 'string' || typeof value.value !== 'string') continue;
    for (const interpolation of interpolationsIn(value.value, 'chef')) {
      if (ESCAPED.test(interpolation.expression)) continue;
      const property = /^new_resource\.(\w+)$/.exec(interpolation.expression)?.[1];
      if (property && properties.has(property) && insideCodeArgument(value.value, interpolation))
        yield { unit, value, interpolation, property };
    }
  }
}

/** The properties the file declares whose values may be any text; `name` always can. */
function freeTextProperties(file: FileModel): Set<string> {
  const declared = file.lines.flatMap((line) => {
    const match = PROPERTY_DECLARATION.exec(line);
    return match?.[1] ? [{ name: match[1], rest: match[2] ?? '' }] : [];
  });
  if (declared.length === 0) return new Set();
  const names = new Set(['name']);
  for (const { name, rest } of declared) if (!CONSTRAINED_TYPE.test(rest)) names.add(name);
  return names;
}
