/**
 * Puppet: an `exec` whose command string interpolates a parameter of a defined type into the code
 * it hands to a second interpreter (`mysql -e "..."`, `sh -c '...'`). A defined
 * type is an interface: each declaration passes its own title and parameters, often from Hiera
 * or from another module's data, and the string command reaches a shell when it holds shell
 * syntax. A parameter whose data type admits only safe values (`Integer`, `Boolean`, an `Enum`,
 * a `Pattern`, a port) cannot carry a command and is left alone, as are class parameters, which
 * the site's own data sets once, and values passed through `shellquote()` or given as an
 * argument array.
 */
import type { FileModel, Unit, Value, Variable } from '../../model/model.js';
import { insideCodeArgument, interpolationsIn, type Interpolation } from './interpolations.js';

const COMMAND_ATTRIBUTES = ['command', 'unless', 'onlyif'];

/** Data types whose values are free text; anything else constrains what a caller can pass. */
const FREE_TEXT_TYPE = /^(Optional\[\s*)?(String|Any|Scalar|Data|NotUndef)?(\[[^\]]*\])?\s*\]?$/;

export interface PuppetInjection {
  unit: Unit;
  value: Value;
  interpolation: Interpolation;
  parameter: string;
  definedType: string;
}

export function* puppetInjections(file: FileModel): Generator<PuppetInjection> {
  for (const unit of file.units) {
    if (unit.type !== 'exec' || !unit.within || !isDefinedType(file, unit.within)) continue;
    const parameters = freeTextParameters(file, unit.within);
    for (const attribute of unit.attributes) {
      if (!COMMAND_ATTRIBUTES.includes(attribute.name)) continue;
      const { value } = attribute;
      if (value.kind !== 'string' || typeof value.value !== 'string') continue;
      for (const interpolation of interpolationsIn(value.value, 'puppet')) {
        const name = /^\$?([a-z_]\w*)$/.exec(interpolation.expression)?.[1];
        if (name && parameters.has(name) && insideCodeArgument(value.value, interpolation))
          yield { unit, value, interpolation, parameter: name, definedType: unit.within };
      }
    }
  }
}

function isDefinedType(file: FileModel, name: string): boolean {
  const declaration = new RegExp(`^\\s*define\\s+(::)?${name.replace(/:/g, '\\:')}\\s*[({]`);
  return file.lines.some((line) => declaration.test(line));
}

/** The defined type's title and the parameters whose declared type admits any text. */
function freeTextParameters(file: FileModel, owner: string): Set<string> {
  const names = new Set(['name', 'title']);
  for (const variable of file.variables)
    if (variable.scope === 'parameter' && variable.owner === owner && admitsAnyText(file, variable))
      names.add(variable.name);
  return names;
}

/** The data type written before `$name` in the parameter list, if any. */
function admitsAnyText(file: FileModel, parameter: Variable): boolean {
  const line = file.lines[parameter.range.line - 1] ?? '';
  const before = line.slice(0, parameter.range.column - 1).trim();
  const type = before.replace(/^[(,]\s*/, '').trim();
  return FREE_TEXT_TYPE.test(type);
}
