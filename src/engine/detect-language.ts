/**
 * Which language a file is written in, from its path first and its content second.
 */
import type { Language } from './model.js';
import { isChefCookbookPath } from '../parsers/chef/cookbook-path.js';

const YAML_FILE = /\.ya?ml$/i;
const PUPPET_MANIFEST = /\.pp$/i;
const RUBY_FILE = /\.rb$/i;

/** Folders whose YAML is Ansible by convention. */
const ANSIBLE_FOLDER =
  /(^|\/)(tasks|handlers|vars|defaults|group_vars|host_vars|playbooks?|inventory|inventories|roles)\//i;
/** File names that are Ansible by convention. */
const ANSIBLE_FILE = /(^|\/)(site|playbook[^/]*|[^/]*-playbook|main|deploy|provision(ing)?)\.ya?ml$/i;
/**
 * Hiera data: the YAML a Puppet module or control repository keeps its parameters in, under
 * `hieradata/`, or under `data/` with Hiera 5's `.yaml` extension.
 */
const HIERA_DATA = /(^|\/)hieradata\/.+\.ya?ml$|(^|\/)data\/.+\.yaml$/i;

/** YAML that is certainly something else: CI definitions, compose files, Kubernetes and Helm. */
const OTHER_YAML =
  /(^|\/)(\.github|\.gitlab-ci[^/]*|\.circleci|charts|templates|\.travis[^/]*|docker-compose[^/]*|compose)(\/|\.ya?ml$)|(^|\/)(\.yamllint|\.ansible-lint|\.pre-commit-config|mkdocs|codecov|\.security|hiera|\.kitchen[^/]*|\.rubocop[^/]*)\.ya?ml$/i;

/** A play or a task at the start of a list item. */
const ANSIBLE_CONTENT =
  /^-\s+(hosts|import_playbook|ansible\.builtin\.[a-z_]+|block|include_tasks|import_tasks|include_role|import_role)\s*:/m;
/** Kubernetes objects and other typed documents. */
const TYPED_DOCUMENT = /^(apiVersion|kind)\s*:/m;

/**
 * Whether a changed file could be one Posture analyses, judged from the path alone.
 * The GitHub side fetches only these.
 */
export function mayBeAnalysed(path: string): boolean {
  if (PUPPET_MANIFEST.test(path)) return true;
  if (RUBY_FILE.test(path)) return isChefCookbookPath(path, '');
  return YAML_FILE.test(path) && !OTHER_YAML.test(path);
}

export function detectLanguage(path: string, content: string, forced?: Language): Language | undefined {
  if (forced) return forced;
  if (PUPPET_MANIFEST.test(path)) return 'puppet';
  if (RUBY_FILE.test(path)) return isChefCookbookPath(path, content) ? 'chef' : undefined;
  if (!mayBeAnalysed(path)) return undefined;
  if (ANSIBLE_FOLDER.test(path) || ANSIBLE_FILE.test(path)) {
    return TYPED_DOCUMENT.test(content) ? undefined : 'ansible';
  }
  if (HIERA_DATA.test(path)) return 'puppet';
  return ANSIBLE_CONTENT.test(content) || looksLikeTaskList(content) ? 'ansible' : undefined;
}

/** A top-level list whose items name a task and call a module: `- name: ...` then `  module:`. */
function looksLikeTaskList(content: string): boolean {
  return /^- name:[^\n]*\n {2}[a-z_][\w.]*:/m.test(content) && /^\s+(become|register|when|notify|with_items|loop|tags):/m.test(content);
}
