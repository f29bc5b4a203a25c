import { parseAnsible } from '../parsers/ansible/parse-ansible.js';
import {
  mayBeIniInventory,
  parseIniInventory,
  startsLikeYaml,
} from '../parsers/ansible/ini-inventory.js';
import { toolConfigFormat } from '../parsers/config/formats.js';
import {
  isGalaxyRequirements,
  parseGalaxyRequirements,
} from '../parsers/dependencies/galaxy-requirements.js';
import type { LanguageDescriptor } from './language.js';

const YAML_FILE = /\.ya?ml$/i;

/**
 * Ansible is YAML (playbooks, tasks, vars, inventories), and INI inventories; an inventory
 * without an extension may be either (`ansible.cfg` is read as configuration: `parsers/config/`).
 */
export const ansible: LanguageDescriptor = {
  id: 'ansible',
  name: 'Ansible',
  extensions: ['.yml', '.yaml'],
  namedFiles: (path) => mayBeIniInventory(path) || toolConfigFormat(path)?.tool === 'ansible',
  parse: (path, source) => {
    if (YAML_FILE.test(path) && isGalaxyRequirements(path, source))
      return parseGalaxyRequirements(path, source);
    return YAML_FILE.test(path) || startsLikeYaml(source)
      ? parseAnsible(path, source)
      : parseIniInventory(path, source);
  },
  templated: /\{\{|\{%/,
  definitionFolders: new Set([
    'defaults',
    'vars',
    'group_vars',
    'host_vars',
    'inventory',
    'inventories',
  ]),
};
