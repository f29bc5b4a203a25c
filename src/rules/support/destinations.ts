/**
 * The file a task or resource manages on the host, and what its path says even when part of it
 * is computed: `/etc/sudoers.d/{{ user }}` is a sudoers drop-in whoever the user is; and the
 * path one variable names (`path: "{{ sshd_config_file }}"`), read where the variable is set.
 */
import type { Attribute, Language, Unit, Value } from '../../model/model.js';
import {
  DIRECTORY_RESOURCES,
  PATH_ATTRIBUTES,
  STATE_ATTRIBUTE,
} from '../knowledge/file-writers.js';
import { attributeOf, firstAttribute } from './units.js';
import { closedJinja } from '../../languages/ansible/references.js';
import { wholeReference, wholeReferenceName } from '../../languages/references.js';
import type { RuleContext } from '../rule.js';
import { resolveWithin } from './bindings.js';
import { literalText, stringText } from './values.js';

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

/** The path a destination names (a task's `path:`, a command's target), where it is known. */
export type Destinations = (
  destination: Value | string,
  within: string | undefined,
) => string | undefined;

/** A destination as it is written. */
export function writtenDestination(destination: Value | string): string | undefined {
  return typeof destination === 'string' ? destination : stringText(destination);
}

/**
 * Destinations as written, or, where one is a single variable (`path: "{{ sshd_config_file }}"`,
 * `sed -i ... {{ sshd_config_file }}`, `path => $config`), the first absolute path a definition
 * of the variable sets it to.
 */
export function destinationReader(context: Pick<RuleContext, 'file' | 'resolve'>): Destinations {
  const { language } = context.file;
  return (destination, within) => {
    const name =
      typeof destination === 'string'
        ? wholeReferenceName(destination, language)
        : destination.dynamic
          ? wholeReference(destination, language)?.name
          : undefined;
    if (name === undefined) return writtenDestination(destination);
    for (const definition of resolveWithin(context, name, within)) {
      const path = literalText(definition.value);
      if (path?.startsWith('/')) return path;
    }
    return writtenDestination(destination);
  };
}
