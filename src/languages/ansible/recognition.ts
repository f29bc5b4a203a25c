/**
 * Which files are Ansible's. YAML by path convention first (`roles/x/tasks/`, `group_vars/`,
 * `site.yml`), then by content: plays that name hosts, items that call known modules, groups
 * with hosts, vars that use Jinja2. Galaxy requirements by name and sections. INI inventories by
 * name (`hosts`, `inventory/*.ini`) when their lines read as one: `inventory/ec2.ini` configures
 * a script, and a copy of `/etc/hosts` lists addresses and names. (`ansible.cfg` is a
 * configuration format, recognised with the others in `parsers/config/formats.ts`.)
 */
import { otherYamlByPath, unmistakablyOtherYaml } from '../other-yaml.js';
import type { YamlOutline } from '../../parsers/yaml/outline.js';
import { iniInventoryProblem, startsLikeYaml } from '../../parsers/ansible/ini-inventory.js';
import { isBareVarsFile, mayBeIniInventory } from '../../parsers/ansible/inventory-names.js';
import { BLOCK_SECTIONS, TASK_KEYWORDS, isLoopKeyword } from '../../parsers/ansible/keywords.js';
import { isKnownModule } from '../../parsers/ansible/modules.js';
import { isGalaxyRequirements } from '../../parsers/dependencies/galaxy-requirements.js';
import { LANGUAGE_FILES } from '../files.js';
import type { PathClaim, Recognising } from '../language.js';

const YAML_FILE = /\.ya?ml$/i;
/** Folders whose YAML is Ansible by convention. */
const ANSIBLE_FOLDERS = new Set([
  'tasks',
  'handlers',
  'vars',
  'defaults',
  'group_vars',
  'host_vars',
  'playbook',
  'playbooks',
  'inventory',
  'inventories',
  'roles',
]);
/** File names that are Ansible by convention. */
const ANSIBLE_FILE =
  /(^|\/)(site|playbook[^/]*|[^/]*-playbook|main|deploy|provision(ing)?)\.ya?ml$/i;
/** A key Ansible accepts as a variable name. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAY_KEYS = new Set(['hosts', 'import_playbook', 'ansible.builtin.import_playbook']);
/** A file named for variables: `user_variables.yml`, `common_vars.yml`, `nova-overrides.yml`. */
const NAMED_FOR_VARIABLES = /(^|[/_.-])(vars|variables|overrides)([_.-][^/]*)?\.ya?ml$/i;

const { namedFiles } = LANGUAGE_FILES.ansible;

export const recognition: Recognising = {
  file(path, content) {
    // `group_vars/all`, `host_vars/web1.json`: vars files Ansible reads as YAML.
    if (isBareVarsFile(path)) return 'yaml';
    if (!mayBeIniInventory(path)) return undefined;
    // Ansible tries an inventory without an extension as YAML first.
    if (startsLikeYaml(content)) return 'yaml';
    const problem = iniInventoryProblem(content);
    return problem === undefined
      ? { language: 'ansible', reason: 'an Ansible INI inventory' }
      : {
          language: undefined,
          reason: `named like an Ansible inventory, but its lines are not one (${problem})`,
          forceAs: 'ansible',
        };
  },

  yamlByPath(path, content, outline) {
    if (isGalaxyRequirements(path, content))
      return {
        language: 'ansible',
        reason: 'an Ansible Galaxy requirements file (the roles and collections it installs)',
      };
    const conventional = conventionalName(path);
    if (!conventional) return undefined;
    const typed = unmistakablyOtherYaml(content, outline);
    if (typed)
      return {
        language: undefined,
        reason: `${typed.name}, although its path is Ansible's`,
        forceAs: 'ansible',
      };
    return { language: 'ansible', reason: `Ansible by its path (\`${conventional}\`)` };
  },

  yamlByContent(outline, path) {
    if (outline.shape === 'list') {
      if (outline.items.some((keys) => keys.some((key) => PLAY_KEYS.has(key))))
        return { language: 'ansible', reason: 'an Ansible playbook (its plays name hosts)' };
      const mappings = outline.items.filter((keys) => keys.length > 0);
      const tasks = mappings.filter(isTask).length;
      if (tasks > 0 && tasks * 2 >= mappings.length)
        return { language: 'ansible', reason: 'an Ansible task list (its items call modules)' };
    }
    if (outline.shape === 'mapping' && outline.keys.length > 0) {
      if (isInventory(outline))
        return {
          language: 'ansible',
          reason: 'an Ansible inventory (groups with hosts or children)',
        };
      if (isVars(outline, NAMED_FOR_VARIABLES.test(path)))
        return {
          language: 'ansible',
          reason:
            'Ansible vars (variable names, with Jinja2, `ansible_` settings or a name that says so)',
        };
    }
    return undefined;
  },

  yamlKinds: 'playbook, task list, Ansible vars',
  yamlEvidence: 'no play names hosts, no item calls a known module, no value uses Jinja2',

  pathClaim(path): PathClaim | undefined {
    if (namedFiles(path)) return 'name';
    return YAML_FILE.test(path) ? 'extension' : undefined;
  },

  mayBeAnalysed(path) {
    return namedFiles(path) || (YAML_FILE.test(path) && !otherYamlByPath(path));
  },
};

/** The innermost folder, or else the file name, that makes a path Ansible's: `tasks/`, `site.yml`. */
function conventionalName(path: string): string | undefined {
  const folders = path.toLowerCase().split('/').slice(0, -1);
  const folder = folders.reverse().find((name) => ANSIBLE_FOLDERS.has(name));
  if (folder) return `${folder}/`;
  return ANSIBLE_FILE.test(path) ? path.slice(path.lastIndexOf('/') + 1) : undefined;
}

/** One known module among task keywords, or a block. */
function isTask(keys: readonly string[]): boolean {
  if (keys.some((key) => (BLOCK_SECTIONS as readonly string[]).includes(key))) return true;
  const modules = keys.filter((key) => !TASK_KEYWORDS.has(key) && !isLoopKeyword(key));
  return modules.length === 1 && isKnownModule(modules[0] as string);
}

function isInventory(outline: YamlOutline): boolean {
  const groups = outline.keys.includes('all') || outline.keys.includes('ungrouped');
  return groups && (outline.nestedKeys.has('hosts') || outline.nestedKeys.has('children'));
}

function isVars(outline: YamlOutline, namedForVariables: boolean): boolean {
  if (!outline.keys.every((key) => VARIABLE_NAME.test(key))) return false;
  return (
    namedForVariables || outline.hasJinja || outline.keys.some((key) => key.startsWith('ansible_'))
  );
}
