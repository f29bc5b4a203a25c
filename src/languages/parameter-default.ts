import type { Variable } from '../model/model.js';
import type { OwnReading } from './language.js';

/**
 * A class or custom resource parameter's default, as its own file reads it: by its bare name,
 * and by the name qualified with its owner (`profile::ssh::port`, `my_app.port`).
 */
export function parameterDefault(variable: Variable, separator: string): OwnReading | undefined {
  if (!variable.owner || variable.path.length !== 1) return undefined;
  return {
    name: variable.name,
    origin: 'parameter-default',
    level: 'parameterDefault',
    aliases: [`${variable.owner}${separator}${variable.name}`],
  };
}
