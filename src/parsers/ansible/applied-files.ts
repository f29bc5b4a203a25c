/**
 * What an Ansible task applies, includes or renders, by name or by path in the run, as its text
 * says it: the role of an `include_role`, the task file of an `include_tasks`, the template of a
 * `template` task. The values of the task (and of the block or play around it) reach them. A
 * path may start from `{{ role_path }}` or `{{ playbook_dir }}`, which the file's place gives.
 */
import { posix } from 'node:path';
import type { Unit, Value } from '../../model/model.js';
import { writtenString } from '../../model/written-string.js';
import { isJinja } from './jinja.js';

/** The role an `include_role`/`import_role` task names, when it is written as it stands. */
export function includedRole(unit: Pick<Unit, 'type' | 'attributes'>): string | undefined {
  if (unit.type !== 'include_role' && unit.type !== 'import_role') return undefined;
  const name = unit.attributes.find((attribute) => attribute.name === 'name');
  return writtenString(name?.value);
}

/**
 * The task files an `include_tasks`/`import_tasks` task names, where Ansible looks for them:
 * beside the including file and, in a role, in the role's `tasks/` (see `pathsNamed`).
 */
export function includedTaskFiles(
  path: string,
  unit: Pick<Unit, 'type' | 'attributes'>,
  inPlay = false,
): string[] {
  if (unit.type !== 'include_tasks' && unit.type !== 'import_tasks') return [];
  const named = unit.attributes.find(({ name }) => name === '_raw_params' || name === 'file');
  const folders = [posix.dirname(path)];
  const roleTasks = /^(.*\/)?roles\/(?:[^/]+\/)*?tasks(?=\/)/.exec(path)?.[0];
  if (roleTasks !== undefined) folders.push(roleTasks);
  return pathsNamed(named?.value, folders, path, inPlay);
}

/**
 * The template a `template` task renders, where Ansible looks for it: the role's `templates/`
 * and the role's own folder (`src: templates/sshd_config.j2`), or, for a playbook, the
 * `templates/` beside it and the playbook's own folder (see `pathsNamed`).
 */
export function renderedTemplates(
  path: string,
  unit: Pick<Unit, 'type' | 'attributes'>,
  inPlay = false,
): string[] {
  if (unit.type !== 'template') return [];
  const named = unit.attributes.find(({ name }) => name === 'src');
  const role = roleFolderOf(path);
  const folders =
    role !== undefined
      ? [posix.join(role, 'templates'), role]
      : [posix.join(posix.dirname(path), 'templates'), posix.dirname(path)];
  return pathsNamed(named?.value, folders, path, inPlay);
}

/** `{{ role_path }}/` or `{{ playbook_dir }}/`: a special variable that names a folder. */
export const SPECIAL_FOLDER = String.raw`\{\{\s*(?:role_path|playbook_dir)\s*\}\}\/`;

/** `{{ role_path }}/templates/sshd_config.j2`: the special folder, and the rest. */
const FROM_SPECIAL_FOLDER = new RegExp(String.raw`^(${SPECIAL_FOLDER})(.+)$`);

/**
 * The paths in the run that a value names, for the file at `path`: a name written as it stands,
 * looked for in each of `folders`, as Ansible searches them; or a name that starts from a folder
 * Ansible's special variables give, the rest as it stands, in that folder only. `{{ role_path }}`
 * is the folder of the role the file is in; `{{ playbook_dir }}` the playbook's, known while a
 * play of the file (`inPlay`) is read, and not in a role's files, which any playbook may apply.
 */
export function pathsNamed(
  value: Value | undefined,
  folders: readonly string[],
  path: string,
  inPlay: boolean,
): string[] {
  const name = writtenString(value);
  if (name !== undefined) return pathsInRun(folders, name);
  const special = value?.kind === 'string' ? FROM_SPECIAL_FOLDER.exec(String(value.value)) : null;
  const [, start, rest] = special ?? [];
  if (start === undefined || rest === undefined || isJinja(rest)) return [];
  const folder = start.includes('role_path')
    ? roleFolderOf(path)
    : inPlay
      ? posix.dirname(path)
      : undefined;
  return folder === undefined ? [] : pathsInRun([folder], rest);
}

/** The folder of the role whose task or handler file `path` is (`roles/kubernetes/node`). */
function roleFolderOf(path: string): string | undefined {
  return /^(?:.*\/)?roles\/(?:[^/]+\/)*?[^/]+(?=\/(?:tasks|handlers)\/)/.exec(path)?.[0];
}

/**
 * The paths in the run that a file named relative to each of `folders` may have, in their
 * order: none for an absolute name, and none that leaves the run.
 */
export function pathsInRun(folders: readonly string[], name: string): string[] {
  if (posix.isAbsolute(name)) return [];
  const paths = folders.map((folder) => posix.normalize(posix.join(folder, name)));
  return [...new Set(paths)].filter((path) => path !== '..' && !path.startsWith('../'));
}
