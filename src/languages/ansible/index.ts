/**
 * Ansible is YAML (playbooks, tasks, vars, inventories, Galaxy requirements), and INI
 * inventories; an inventory without an extension may be either (`ansible.cfg` is read as
 * configuration: `parsers/config/`).
 */
import { parseAnsible } from '../../parsers/ansible/parse-ansible.js';
import { parseIniInventory, startsLikeYaml } from '../../parsers/ansible/ini-inventory.js';
import { isBareVarsFile } from '../../parsers/ansible/inventory-names.js';
import { registeredNames } from '../../parsers/ansible/when-conditions.js';
import {
  isGalaxyRequirements,
  parseGalaxyRequirements,
} from '../../parsers/dependencies/galaxy-requirements.js';
import { LANGUAGE_FILES } from '../files.js';
import type { LanguageDescriptor } from '../language.js';
import { ansibleDestinations } from './deployments.js';
import { includedFiles } from './included-files.js';
import { ansibleReach } from './reach.js';
import { recognition } from './recognition.js';
import { variables } from './variables.js';

const YAML_FILE = /\.ya?ml$/i;
const JINJA = /\.(j2|jinja2?)$/i;
const ROLE_FILES = /(^|\/)roles\/[^/]+\/(templates|files)\//;

export const ansible: LanguageDescriptor = {
  id: 'ansible',
  name: 'Ansible',
  ...LANGUAGE_FILES.ansible,
  filesDescription: 'YAML (.yml, .yaml)',
  namedFilesDescription: 'INI inventory, group_vars or host_vars file, ansible.cfg',
  unitDescription: 'an Ansible role',
  parse: (path, source) => {
    if (YAML_FILE.test(path) && isGalaxyRequirements(path, source))
      return parseGalaxyRequirements(path, source);
    return YAML_FILE.test(path) || isBareVarsFile(path) || startsLikeYaml(source)
      ? parseAnsible(path, source)
      : parseIniInventory(path, source);
  },
  recognition,
  // Jinja2 templates, and anything a role keeps in `templates/` or `files/`; their expressions
  // stay as written, since Ansible's own values are Jinja2.
  templates: {
    syntaxes: ['jinja', 'none'],
    ownsByPath: (path) => JINJA.test(path) || ROLE_FILES.test(path),
    ownsByContent: () => false,
    layoutSign: /^(.*?)(?:^|\/)tasks\/[^/]+\.ya?ml$/,
    destinations: ansibleDestinations,
    interpolate: () => (code) => `{{ ${code} }}`,
  },
  variables,
  includedFiles,
  // `register:` is a task keyword, written as a plain key of the task.
  registers: { mayRegister: /^[ \t-]*register[ \t]*:/m, namesIn: registeredNames },
  reach: ansibleReach,
};
