import type { Variable } from '../model/model.js';
import type { GivenValue } from './language.js';

/**
 * Variables as values given to units: each that holds a value (a mapping's keys are variables
 * of their own), named, traced and applied as `describe` says, with its Chef precedence level;
 * none for a variable `describe` leaves out.
 */
export function givenValues(
  variables: readonly Variable[],
  describe: (variable: Variable) => Pick<GivenValue, 'name' | 'origin' | 'application'> | undefined,
): GivenValue[] {
  return variables.flatMap((variable) => {
    if (variable.value.kind === 'map') return [];
    const described = describe(variable);
    if (!described) return [];
    const { value, range, precedence } = variable;
    return [{ ...described, value, range, ...(precedence === undefined ? {} : { precedence }) }];
  });
}
