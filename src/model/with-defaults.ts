/**
 * A resource's attributes as Puppet applies them: its own, then each default it does not set
 * itself (a `create_resources()` call's defaults, the other attributes of a body that splats an
 * entry). Serves the hash entries of the syntax tree and the model's attributes alike.
 */
export function withDefaults<T>(
  own: readonly T[],
  defaults: readonly T[],
  nameOf: (attribute: T) => string | undefined,
): T[] {
  const set = new Set(own.map(nameOf));
  return [...own, ...defaults.filter((attribute) => !set.has(nameOf(attribute)))];
}
