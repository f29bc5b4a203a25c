/**
 * The text of a string value written as it stands: a quoted or bare string that interpolates
 * nothing (a role's name, a resource's title, a Hiera key a lookup names). Undefined for
 * anything computed, and for values that are not strings.
 */
import type { Value } from './model.js';

export function writtenString(value: Value | undefined): string | undefined {
  return value?.kind === 'string' && !value.dynamic && typeof value.value === 'string'
    ? value.value
    : undefined;
}
