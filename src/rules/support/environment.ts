/**
 * The environment a task, play or resource runs its programs with: Ansible's `environment:`
 * keyword, a Puppet `exec`'s `environment => ['NAME=value']`, a Chef `execute`'s `environment
 * 'NAME' => 'value'`.
 */
import type { SourceRange, Unit, Value } from '../../model/model.js';

/** A variable of an environment: a map entry, or a `NAME=value` item of a list. */
export interface EnvironmentVariable {
  name: string;
  /** the value as the process gets it */
  text: string;
  range: SourceRange;
}

/** The variables a unit's environment sets to literal values. */
export function environmentOf(unit: Unit): EnvironmentVariable[] {
  const environment =
    unit.keywords.find((keyword) => keyword.name === 'environment') ??
    unit.attributes.find((attribute) => attribute.name === 'environment');
  return environment ? [...environmentVariables(environment.value)] : [];
}

function* environmentVariables(environment: Value): Generator<EnvironmentVariable> {
  for (const entry of environment.entries ?? [])
    if (!entry.value.dynamic && entry.value.value !== undefined && entry.value.value !== null)
      yield { name: entry.name, text: String(entry.value.value), range: entry.value.range };
  for (const item of environment.items ?? []) {
    if (item.dynamic || typeof item.value !== 'string') continue;
    const equals = item.value.indexOf('=');
    if (equals > 0)
      yield {
        name: item.value.slice(0, equals),
        text: item.value.slice(equals + 1),
        range: item.range,
      };
  }
}
