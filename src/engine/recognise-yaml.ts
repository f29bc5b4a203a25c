/**
 * What a YAML file is: Ansible (playbooks, task lists, vars, inventories), Hiera data, or
 * something Posture leaves alone. Path conventions decide first (`roles/x/tasks/`, `group_vars/`,
 * `hieradata/`); otherwise the content does: plays that name hosts, items that call known
 * modules, vars that use Jinja2, keys that name Puppet class parameters. Files that another
 * tool owns (CI, compose, Kubernetes, Molecule) are never read as Ansible by their content.
 */
import type { Recognition } from './detect-language.js';
import { otherYamlByContent, otherYamlByPath } from './other-yaml.js';
import { outlineYaml, type YamlOutline } from './yaml-outline.js';
import { isKnownModule } from '../parsers/ansible/modules.js';
import { BLOCK_SECTIONS, TASK_KEYWORDS, isLoopKeyword } from '../parsers/ansible/keywords.js';
import { isGalaxyRequirements } from '../parsers/dependencies/galaxy-requirements.js';

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
/**
 * Hiera data: the YAML a Puppet module or control repository keeps its parameters in, under
 * `hieradata/`, or under `data/` with Hiera 5's `.yaml` extension.
 */
const HIERA_DATA = /(^|\/)hieradata\/.+\.ya?ml$|(^|\/)data\/.+\.yaml$/i;

/** `.aar_doc.yml`, `.sync.yml`: tools keep their settings in hidden files. */
const HIDDEN_FILE = /(^|\/)\.[^/]+$/;
/** A key Ansible accepts as a variable name. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A Hiera key naming a class parameter: `profile::base::ntp_servers`. */
const CLASS_PARAMETER = /^[a-z][a-z0-9_]*(::[a-z0-9_]+)+$/;
const PLAY_KEYS = new Set(['hosts', 'import_playbook', 'ansible.builtin.import_playbook']);
/** A file named for variables: `user_variables.yml`, `common_vars.yml`, `nova-overrides.yml`. */
const NAMED_FOR_VARIABLES = /(^|[/_.-])(vars|variables|overrides)([_.-][^/]*)?\.ya?ml$/i;

export function recogniseYaml(path: string, content: string): Recognition {
  const byPath = otherYamlByPath(path);
  if (byPath) return leftAlone(`${byPath.name}, not configuration code Posture reads`);
  if (isGalaxyRequirements(path, content))
    return {
      language: 'ansible',
      reason: 'an Ansible Galaxy requirements file (the roles and collections it installs)',
    };
  const outline = outlineYaml(content);
  const conventional = conventionalName(path);
  if (conventional) {
    const typed = otherYamlByContent(outline);
    if (typed?.evenInAnsibleFolders)
      return leftAlone(`${typed.name}, although its path is Ansible's`);
    return { language: 'ansible', reason: `Ansible by its path (\`${conventional}\`)` };
  }
  if (HIERA_DATA.test(path))
    return { language: 'puppet', reason: 'Hiera data by its path (`data/`, `hieradata/`)' };
  if (HIDDEN_FILE.test(path))
    return leftAlone('a hidden file, which holds tool settings rather than configuration code');
  const byContent = otherYamlByContent(outline);
  if (byContent) return leftAlone(`${byContent.name}, not configuration code Posture reads`);
  return recogniseByContent(outline, NAMED_FOR_VARIABLES.test(path));
}

/** The innermost folder, or else the file name, that makes a path Ansible's: `tasks/`, `site.yml`. */
function conventionalName(path: string): string | undefined {
  const folders = path.toLowerCase().split('/').slice(0, -1);
  const folder = folders.reverse().find((name) => ANSIBLE_FOLDERS.has(name));
  if (folder) return `${folder}/`;
  return ANSIBLE_FILE.test(path) ? path.slice(path.lastIndexOf('/') + 1) : undefined;
}

function recogniseByContent(outline: YamlOutline, namedForVariables: boolean): Recognition {
  if (outline.shape === 'list') {
    if (outline.items.some((keys) => keys.some((key) => PLAY_KEYS.has(key)))) {
      return { language: 'ansible', reason: 'an Ansible playbook (its plays name hosts)' };
    }
    const mappings = outline.items.filter((keys) => keys.length > 0);
    const tasks = mappings.filter(isTask).length;
    if (tasks > 0 && tasks * 2 >= mappings.length)
      return { language: 'ansible', reason: 'an Ansible task list (its items call modules)' };
  }
  if (outline.shape === 'mapping' && outline.keys.length > 0) {
    const classParameters = outline.keys.filter((key) => CLASS_PARAMETER.test(key)).length;
    if (classParameters * 2 > outline.keys.length)
      return { language: 'puppet', reason: 'Hiera data (its keys name Puppet class parameters)' };
    if (isInventory(outline))
      return {
        language: 'ansible',
        reason: 'an Ansible inventory (groups with hosts or children)',
      };
    if (isVars(outline, namedForVariables))
      return {
        language: 'ansible',
        reason:
          'Ansible vars (variable names, with Jinja2, `ansible_` settings or a name that says so)',
      };
  }
  return leftAlone(
    'YAML that is no playbook, task list, Ansible vars or Hiera data: no play names hosts, no item calls a known module, no value uses Jinja2',
  );
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

function leftAlone(reason: string): Recognition {
  return { language: undefined, reason, forceAs: 'ansible' };
}
