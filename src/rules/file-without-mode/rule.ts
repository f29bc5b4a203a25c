import type { Rule, RuleContext } from '../rule.js';
import type { Language, Unit } from '../../model/model.js';
import { STATE_ATTRIBUTE } from '../knowledge/file-writers.js';
import { literalText, removesResource } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { lookupTables } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/**
 * Tasks and resources that create a file or folder, and when they do: per type, the states or
 * actions that create (any when the list is absent), read from `state` (Ansible), `ensure`
 * (Puppet) or `action` (Chef) with its default when unset.
 */
interface Creator {
  creates?: readonly string[];
  /** the state when none is written */
  default?: string;
  /** an attribute that, true, is needed for it to create anything (`create: true`) */
  needs?: string;
}

const CREATORS: Partial<Record<Language, Readonly<Record<string, Creator>>>> = lookupTables({
  ansible: {
    copy: {},
    template: {},
    get_url: {},
    assemble: {},
    archive: {},
    file: { creates: ['directory', 'touch'], default: 'file' },
    lineinfile: { needs: 'create' },
    blockinfile: { needs: 'create' },
    ini_file: { needs: 'create' },
  },
  puppet: {
    file: { creates: ['file', 'present', 'directory'], default: 'present' },
  },
  chef: {
    file: { creates: ['create'], default: 'create' },
    template: { creates: ['create'], default: 'create' },
    cookbook_file: { creates: ['create'], default: 'create' },
    remote_file: { creates: ['create'], default: 'create' },
    directory: { creates: ['create'], default: 'create' },
  },
});

function creates(context: RuleContext, unit: Unit): boolean {
  const language = context.file.language;
  const creator = CREATORS[language]?.[unit.type];
  if (!creator || removesResource(unit, language)) return false;
  if (creator.needs) {
    const needed = attributeOf(unit, creator.needs)?.value;
    return (
      needed !== undefined && ['true', 'yes'].includes(String(literalText(needed)).toLowerCase())
    );
  }
  if (!creator.creates) return true;
  const stateAttribute = STATE_ATTRIBUTE[language];
  const state = attributeOf(unit, stateAttribute)?.value;
  const written = state ? literalText(state)?.replace(/^:/, '') : creator.default;
  return written !== undefined && creator.creates.includes(written);
}

/** Puppet files that only manage another attribute of an existing file (`ensure` unset, no content) are not creations. */
function createsContent(context: RuleContext, unit: Unit): boolean {
  if (context.file.language !== 'puppet') return true;
  const names = new Set(unit.attributes.map((attribute) => attribute.name));
  return names.has('ensure') || names.has('content') || names.has('source');
}

export const fileWithoutMode: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units) {
      if (unit.attributes.some((attribute) => attribute.name === 'mode')) continue;
      if (!creates(context, unit) || !createsContent(context, unit)) continue;
      context.report({
        range: unit.typeRange,
        message: `\`${unit.type}\` creates its ${unit.type === 'directory' ? 'folder' : 'file'} without a \`mode\`: the permissions depend on the umask of whoever runs it`,
      });
    }
  },
};
