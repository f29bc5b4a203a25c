/**
 * Ansible Galaxy's `requirements.yml`: the roles and collections `ansible-galaxy install -r`
 * pulls in. Two shapes are read:
 *
 * - `roles:` and `collections:` lists at the top (the current format);
 * - a top-level list of roles (the older format, roles only).
 *
 * Each entry becomes a unit of kind `dependency` and type `role` or `collection`: a plain string
 * (`- geerlingguy.nginx`) is its name, and a mapping's keys (`name`, `src`, `version`, `scm`,
 * `source`, `type`) are its attributes. The unit's type range is the entry's first key.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Attribute, Unit, Value } from '../../model/model.js';
import { isDeployedFile } from '../config/formats.js';
import { parseDataFile } from '../yaml/data-file.js';

const REQUIREMENTS_NAME = /(^|[._-])requirements\.ya?ml$/i;
const JINJA = /\{\{|\{%/;
/** The keys that make a mapping a requirements file rather than anything else so named. */
const SECTIONS = /^(roles|collections)\s*:/m;
/** The keys of one role entry in the older top-level list. */
const ROLE_KEYS = /^\s*-\s+(src|name|scm|version)\s*:/m;

/**
 * Whether a path and its content are a Galaxy requirements file: named `requirements.yml`
 * (`roles/requirements.yml`, `positive.requirements.yml`) and holding `roles:` or
 * `collections:` at the top, or a list of role entries.
 */
export function isGalaxyRequirements(path: string, content: string): boolean {
  if (isDeployedFile(path) || !REQUIREMENTS_NAME.test(path.slice(path.lastIndexOf('/') + 1)))
    return false;
  return SECTIONS.test(content) || ROLE_KEYS.test(content);
}

export function parseGalaxyRequirements(path: string, source: string): ParseOutcome {
  return parseDataFile(path, source, {
    language: 'ansible',
    isDynamic: (text) => JINJA.test(text),
    units: (top, into) => {
      if (top.kind === 'list') for (const unit of entries(top, 'role')) into.push(unit);
      for (const section of top.kind === 'map' ? (top.entries ?? []) : []) {
        if (section.name === 'roles')
          for (const unit of entries(section.value, 'role')) into.push(unit);
        if (section.name === 'collections')
          for (const unit of entries(section.value, 'collection')) into.push(unit);
      }
    },
  });
}

/** The role or collection entries of a list. */
function entries(list: Value, type: 'role' | 'collection'): Unit[] {
  if (list.kind !== 'list') return [];
  return (list.items ?? []).flatMap((item): Unit[] => {
    const attributes: Attribute[] =
      item.kind === 'map'
        ? (item.entries ?? [])
        : item.kind === 'string'
          ? [{ name: 'name', value: item, range: item.range }]
          : [];
    if (attributes.length === 0) return [];
    const named = attributes.find((attribute) => attribute.name === 'name') ?? attributes[0];
    const name = typeof named?.value.value === 'string' ? named.value.value : undefined;
    return [
      {
        kind: 'dependency',
        type,
        typeAsWritten: type,
        typeRange: attributes[0]?.range ?? item.range,
        ...(name === undefined ? {} : { name }),
        attributes,
        keywords: [],
        range: item.range,
      },
    ];
  });
}
