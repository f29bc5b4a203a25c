/**
 * What an Ansible task applies, includes or renders, by name or by path in the run, as its text
 * says it: the role of an `include_role`, the task file of an `include_tasks`, the template of a
 * `template` task. The values of the task (and of the block or play around it) reach them.
 */
import { posix } from 'node:path';
import type { Unit } from '../../model/model.js';
import { writtenString } from '../../model/written-string.js';

/** The role an `include_role`/`import_role` task names, when it is written as it stands. */
export function includedRole(unit: Pick<Unit, 'type' | 'attributes'>): string | undefined {
  if (unit.type !== 'include_role' && unit.type !== 'import_role') return undefined;
  const name = unit.attributes.find((attribute) => attribute.name === 'name');
  return writtenString(name?.value);
}

/**
 * The task files an `include_tasks`/`import_tasks` task names as it stands, where Ansible looks
 * for them: beside the including file and, in a role, in the role's `tasks/`.
 */
export function includedTaskFiles(path: string, unit: Pick<Unit, 'type' | 'attributes'>): string[] {
  if (unit.type !== 'include_tasks' && unit.type !== 'import_tasks') return [];
  const named = unit.attributes.find(({ name }) => name === '_raw_params' || name === 'file');
  const file = writtenString(named?.value);
  if (file === undefined) return [];
  const folders = [posix.dirname(path)];
  const roleTasks = /^(.*\/)?roles\/(?:[^/]+\/)*?tasks(?=\/)/.exec(path)?.[0];
  if (roleTasks !== undefined) folders.push(roleTasks);
  return pathsInRun(folders, file);
}

/**
 * The template a `template` task renders, where Ansible looks for it: the role's `templates/`,
 * or, for a playbook, the `templates/` beside it and the playbook's own folder.
 */
export function renderedTemplates(path: string, unit: Pick<Unit, 'type' | 'attributes'>): string[] {
  if (unit.type !== 'template') return [];
  const named = unit.attributes.find(({ name }) => name === 'src');
  const source = writtenString(named?.value);
  if (source === undefined) return [];
  const role = /^(.*\/)?roles\/(?:[^/]+\/)*?(?=tasks\/|handlers\/)/.exec(path)?.[0];
  const folders =
    role !== undefined
      ? [`${role}templates`]
      : [posix.join(posix.dirname(path), 'templates'), posix.dirname(path)];
  return pathsInRun(folders, source);
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
