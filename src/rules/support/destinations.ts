/**
 * The file a task or resource manages on the host, and what its path says even when part of it
 * is computed: `/etc/sudoers.d/{{ user }}` is a sudoers drop-in whoever the user is.
 */
import type { Attribute, Language, Unit, Value } from '../../engine/model.js';

/** What stands for one template expression in a path's shape: a name part, never a folder. */
export const COMPUTED_PART = '\u2026';

const EXPRESSIONS: Record<Language, RegExp> = {
  ansible: /\{\{[\s\S]*?\}\}/g,
  puppet: /\$\{[^}]*\}|\$(?:::)?[a-z_][\w]*(?:::[a-z_]\w*)*/g,
  chef: /#\{[^}]*\}/g,
};

/** The first of the attributes that the unit sets. */
export function firstAttribute(unit: Unit, names: readonly string[]): Attribute | undefined {
  for (const name of names) {
    const found = unit.attributes.find((attribute) => attribute.name === name);
    if (found) return found;
  }
  return undefined;
}

/**
 * A path as it lands, with each template expression written as `COMPUTED_PART`: a literal
 * path as it is, `/home/{{ user }}/.ssh/id_rsa` as `/home/…/.ssh/id_rsa`. Undefined for
 * anything but a string, and for a path that template logic (`{% if %}`) assembles.
 */
export function pathShape(value: Value, language: Language): string | undefined {
  if (value.kind !== 'string' || typeof value.value !== 'string') return undefined;
  if (!value.dynamic) return value.value;
  if (language === 'ansible' && value.value.includes('{%')) return undefined;
  return value.value.replace(EXPRESSIONS[language], COMPUTED_PART);
}

/** A path as the code writes it, for a message: the string, or the source text of anything else. */
export function writtenPath(value: Value): string {
  return typeof value.value === 'string' ? value.value : value.text;
}
