import { parseAnsible } from '../parsers/ansible/parse-ansible.js';
import type { LanguageDescriptor } from './language.js';

export const ansible: LanguageDescriptor = {
  id: 'ansible',
  name: 'Ansible',
  extensions: ['.yml', '.yaml'],
  parse: parseAnsible,
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
