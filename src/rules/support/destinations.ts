/**
 * The file a task or resource manages on the host, and what its path says even when part of it
 * is computed: `/etc/sudoers.d/{{ user }}` is a sudoers drop-in whoever the user is.
 */
import type { Attribute, Language, Unit, Value } from '../../model/model.js';
import {
  DIRECTORY_RESOURCES,
  PATH_ATTRIBUTES,
  STATE_ATTRIBUTE,
} from '../knowledge/file-writers.js';
import { attributeOf, firstAttribute } from './units.js';
import { closedJinja } from '../../languages/ansible/references.js';

/** What stands for one template expression in a path's shape: a name part, never a folder. */
export const COMPUTED_PART = '\u2026';

const EXPRESSIONS: Partial<Record<Language, RegExp>> = {
  ansible: /\{\{[\s\S]*?\}\}/g,
  puppet: /\$\{[^}]*\}|\$(?:::)?[a-z_][\w]*(?:::[a-z_]\w*)*/g,
  chef: /#\{[^}]*\}/g,
};

/**
 * A path as it lands, with each template expression written as `COMPUTED_PART`: a literal
 * path as it is, `/home/{{ user }}/.ssh/id_rsa` as `/home/…/.ssh/id_rsa`. Undefined for
 * anything but a string, for a path that template logic (`{% if %}`) assembles, and for a
 * computed path in a language whose expressions are not known here.
 */
export function pathShape(value: Value, language: Language): string | undefined {
  if (value.kind !== 'string' || typeof value.value !== 'string') return undefined;
  if (!value.dynamic) return value.value;
  if (language === 'ansible' && value.value.includes('{%')) return undefined;
  const expressions = EXPRESSIONS[language];
  if (!expressions) return undefined;
  // Only up to the last `}}` can a Jinja2 expression end (see `closedJinja`).
  const searched = language === 'ansible' ? closedJinja(value.value) : value.value;
  return searched.replace(expressions, COMPUTED_PART) + value.value.slice(searched.length);
}

/** A path as the code writes it, for a message: the string, or the source text of anything else. */
export function writtenPath(value: Value): string {
  return typeof value.value === 'string' ? value.value : value.text;
}

/** The attribute naming the file or directory a unit manages (`PATH_ATTRIBUTES`). */
export function managedPathAttribute(unit: Unit, language: Language): Attribute | undefined {
  const names = PATH_ATTRIBUTES[language];
  return names ? firstAttribute(unit, names) : undefined;
}

/**
 * Whether a unit manages a directory: Ansible `state: directory`, Puppet `ensure =>
 * directory`, Chef's `directory` and `remote_directory` resources.
 */
export function managesDirectory(unit: Unit, language: Language): boolean {
  if (DIRECTORY_RESOURCES[language]?.includes(unit.type)) return true;
  const stateAttribute = STATE_ATTRIBUTE[language];
  if (!stateAttribute) return false;
  const state = attributeOf(unit, stateAttribute);
  return (
    state?.value.kind === 'string' && String(state.value.value).replace(/^:/, '') === 'directory'
  );
}
