/**
 * Kubernetes objects written inline in an Ansible task (`kubernetes.core.k8s` with a
 * `definition`, or `resource_definition`): the containers they run and the security contexts
 * that decide how. Pods, Deployments, Jobs and CronJobs nest the pod spec at different depths, so
 * the walk looks for the keys wherever they are.
 */
import type { Attribute, Unit, Value } from '../../model/model.js';
import { attributeOf } from './units.js';

/** The `k8s` module's options that hold objects. */
const DEFINITION_OPTIONS = new Set(['definition', 'resource_definition']);
/** Modules that apply Kubernetes objects. */
export const KUBERNETES_MODULES: ReadonlySet<string> = new Set(['k8s', 'openshift']);
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** The inline objects of a task that applies Kubernetes objects; none when it removes them. */
export function definitionsOf(unit: Unit): Value[] {
  if (!KUBERNETES_MODULES.has(unit.type)) return [];
  const state = attributeOf(unit, 'state');
  if (state && state.value.value === 'absent') return [];
  return unit.attributes
    .filter((attribute) => DEFINITION_OPTIONS.has(attribute.name))
    .flatMap((attribute) =>
      attribute.value.kind === 'list' ? (attribute.value.items ?? []) : [attribute.value],
    )
    .filter((value) => value.kind === 'map');
}

/** Every entry of the maps below a value, with the key it is under. */
export function* entriesBelow(value: Value): Generator<Attribute> {
  if (value.kind === 'map')
    for (const entry of value.entries ?? []) {
      yield entry;
      yield* entriesBelow(entry.value);
    }
  if (value.kind === 'list') for (const item of value.items ?? []) yield* entriesBelow(item);
}

/** Every map below a value, with the key it is the value of (or the list it is an item of). */
export function* mapsBelow(
  value: Value,
  key?: string,
): Generator<{ key: string | undefined; map: Value }> {
  if (value.kind === 'map') {
    yield { key, map: value };
    for (const entry of value.entries ?? []) yield* mapsBelow(entry.value, entry.name);
  }
  if (value.kind === 'list') for (const item of value.items ?? []) yield* mapsBelow(item, key);
}

/** The containers (and init and ephemeral containers) an object runs, as maps. */
export function containersOf(definition: Value): Value[] {
  const containers: Value[] = [];
  for (const entry of entriesBelow(definition))
    if (CONTAINER_LISTS.has(entry.name) && entry.value.kind === 'list')
      for (const item of entry.value.items ?? []) if (item.kind === 'map') containers.push(item);
  return containers;
}

/** The option of a map by its name. */
export function entryOf(map: Value, name: string): Attribute | undefined {
  return map.entries?.find((entry) => entry.name === name);
}
