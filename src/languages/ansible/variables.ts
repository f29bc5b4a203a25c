/**
 * Ansible's variables: role defaults and vars, group and host vars, inventories and vars files
 * set values for the files of their role or project; play, block and task `vars:` for their own
 * file, and for the roles, task files and templates it applies, includes or renders with them.
 * A role's files sit in its folder; the project is the folder that holds `roles/` (or, without
 * roles, the folder above `group_vars/` and the inventories).
 */
import type { DefinitionOrigin } from '../../model/definition.js';
import { contains, foldersOf, type FilePlace } from '../layout.js';
import { posix } from 'node:path';
import type {
  Application,
  FileModel,
  SourceRange,
  Unit,
  Value,
  Variable,
  VariableScope,
} from '../../model/model.js';
import type { GivenValue, OwnReading, SharedReading, VariableReading } from '../language.js';
import { jinjaReferences } from './references.js';
import { givenValues } from '../given-values.js';
import { pathsNamed } from '../../parsers/ansible/applied-files.js';

const YAML_FILE = /\.ya?ml$/i;

/** Folders whose files set variables for others. */
const DEFINITION_FOLDERS = new Set([
  'defaults',
  'vars',
  'group_vars',
  'host_vars',
  'inventory',
  'inventories',
]);
/** The folders of an Ansible role. */
const ROLE_FOLDERS = new Set([
  'tasks',
  'handlers',
  'defaults',
  'vars',
  'meta',
  'templates',
  'files',
  'library',
]);
/** Folders of Ansible variables that reach a whole tree. */
const TREE_VARIABLE_FOLDERS = new Set(['group_vars', 'host_vars', 'inventory', 'inventories']);

const OWN: Partial<Record<VariableScope, Omit<OwnReading, 'name' | 'aliases'>>> = {
  task: { origin: 'task-vars', level: 'local' },
  play: { origin: 'play-vars', level: 'play' },
  template: { origin: 'template-set', level: 'local' },
};

export const variables: VariableReading = {
  templated: /\{\{|\{%/,

  definesForOthers: (path) => foldersOf(path).some((folder) => DEFINITION_FOLDERS.has(folder)),

  placer(paths) {
    const trees = new Set<string>();
    for (const path of paths) {
      const folders = foldersOf(path);
      const roles = folders.indexOf('roles');
      if (roles >= 0) trees.add(folders.slice(0, roles).join('/'));
    }
    const deepestFirst = [...trees].sort((a, b) => b.length - a.length);
    return (path) => placeOf(path, deepestFirst);
  },

  shared(variable, model, inUnit): SharedReading | undefined {
    if (variable.scope === 'inventory') {
      const vars = variable.path.lastIndexOf('vars');
      return vars >= 0 && vars < variable.path.length - 1
        ? { name: variable.path.slice(vars + 1).join('.'), origin: 'inventory' }
        : undefined;
    }
    return variable.scope === 'vars-file' || variable.scope === 'data'
      ? { name: variable.path.join('.'), origin: originOf(model, inUnit) }
      : undefined;
  },

  own(variable: Variable) {
    const own = OWN[variable.scope];
    return own ? { name: variable.path.join('.'), ...own, aliases: [] } : undefined;
  },

  applied: {
    pathMayApply: YAML_FILE,
    mayApply:
      /^[ \t-]*(?:roles|dependencies|vars_files|(?:ansible\.(?:builtin|legacy)\.)?(?:(?:include|import)_role|set_fact|include_vars|(?:include|import)_tasks|template))[ \t]*:/m,
    given: (model) => [...givenVariables(model), ...facts(model)],
    givenFiles: {
      of: (model) => [...varsFiles(model), ...includedVars(model)],
      values: varsFileValues,
    },
    // Roles sit under the tree's `roles/` and `collections/`: other top folders only for a tree
    // at the top.
    reachesOtherTops: (_path, tree, topFolders) =>
      tree === '' && (topFolders.has('roles') || topFolders.has('collections')),
    unitFolder: roleFolder,
    // Playbooks sit outside roles, in the project that holds them (the one whose `collections/`
    // holds a collection's role); a role's own task files may include its other task files.
    mayApplyTo: (path, place, changed) =>
      YAML_FILE.test(path) &&
      (place.unit === undefined
        ? place.tree === projectOf(changed.tree)
        : place.unit === changed.unit && ROLE_TASKS.test(path)),
    unitFiles(role, tree) {
      const folder = roleFolder(role, tree);
      return (path) => folder !== undefined && contains(folder, path);
    },
  },

  referencesIn: jinjaReferences,
  // Ansible has no reference values: every reference is written in a string.
  wholeValueName: () => undefined,

  // Ansible's `hash_behaviour` is `replace` unless the project's `ansible.cfg` sets `merge`.
  replacedDicts: {
    replacesEverywhere: ({ origin, path }) =>
      origin === 'group-vars' ? ALL_GROUP_VARS.test(path) : !ONE_PLACE_ORIGINS.has(origin),
    settingsFile: /(?:^|\/)\.?ansible\.cfg$/,
    mergedBy: (content) => /^[ \t]*hash_behaviour[ \t]*[=:][ \t]*merge\b/im.test(content),
  },
};

/** `group_vars/all.yml`, `group_vars/all/ssh.yml`: the group every host is in. */
const ALL_GROUP_VARS = /(?:^|\/)group_vars\/all(?:\.[^/]+)?(?:\/|$)/;

/**
 * Definitions for some hosts only (an inventory names them by group or host), one task or one
 * template.
 */
const ONE_PLACE_ORIGINS: ReadonlySet<DefinitionOrigin> = new Set([
  'host-vars',
  'inventory',
  'task-vars',
  'template-set',
]);

/** Play vars, role parameters and the vars of `include_role`, as the parser marks them. */
function givenVariables(model: FileModel): GivenValue[] {
  return givenValues(model.variables, ({ appliesTo, path }) =>
    appliesTo
      ? {
          name: path.join('.'),
          origin: appliesTo.asParameters ? 'role-params' : 'play-vars',
          application: appliesTo,
        }
      : undefined,
  );
}

/**
 * What `set_fact` sets, for the tasks and templates that run after it: those of its role, or,
 * in a playbook, of the roles its play applies and of the playbook's own tasks. A fact may be set under a condition, so it is
 * judged as the value of the runs that set it, beside what the role has without it.
 */
function facts(model: FileModel): GivenValue[] {
  const own = ownRole(model.path);
  let playRoles: readonly string[] = [];
  const given: GivenValue[] = [];
  for (const unit of model.units) {
    if (unit.kind === 'play') playRoles = unit.roles ?? [];
    if (unit.type !== 'set_fact') continue;
    const units = own === undefined ? playRoles : [own];
    // In a playbook the fact also holds for the playbook's own later tasks.
    const files = own === undefined ? [model.path] : [];
    const application = { units, files, asParameters: true, line: unit.range.line };
    for (const attribute of unit.attributes)
      if (attribute.name !== 'cacheable')
        for (const { name, value, range } of leaves(
          attribute.name,
          attribute.value,
          attribute.range,
        ))
          given.push({ name, value, range, origin: 'set-fact', application });
  }
  return given;
}

/**
 * The files a play's `vars_files:` names, as it stands or from `{{ playbook_dir }}`, by path
 * from the top of the run (they are found beside the playbook), given to the roles the play
 * applies (none, for a play without roles: the file is still the play's, and read as Ansible).
 */
function varsFiles(model: FileModel): Array<{ path: string; application: Application }> {
  const folder = posix.dirname(model.path);
  const files: Array<{ path: string; application: Application }> = [];
  for (const play of model.units) {
    if (play.kind !== 'play') continue;
    const named = play.keywords.find((keyword) => keyword.name === 'vars_files')?.value;
    const entries = named?.kind === 'list' ? (named.items ?? []) : named ? [named] : [];
    const application = applicationOf(play, false, play.range.line);
    for (const entry of entries)
      for (const path of pathsNamed(entry, [folder], model.path, true))
        files.push({ path, application });
  }
  return files;
}

/**
 * The files a playbook's `include_vars` tasks load, by path from the top of the run, each where
 * Ansible looks for it: the playbook's `vars/` folder, then beside the playbook. Their values
 * bind above the vars of the roles its play applies, as `set_fact` does. A role's own
 * `include_vars` loads from its `vars/`, whose files are the role's vars already; a file loaded
 * under a `name:`, or named by an expression other than `{{ playbook_dir }}`, is not followed.
 */
function includedVars(model: FileModel): Array<{ path: string; application: Application }> {
  if (ownRole(model.path) !== undefined) return [];
  const folder = posix.dirname(model.path);
  const files: Array<{ path: string; application: Application }> = [];
  let play: Unit | undefined;
  for (const unit of model.units) {
    if (unit.kind === 'play') play = unit;
    if (unit.type !== 'include_vars' || unit.attributes.some(({ name }) => name === 'name'))
      continue;
    const named = unit.attributes.find(({ name }) => name === '_raw_params' || name === 'file');
    const application = applicationOf(play, true, unit.range.line);
    const folders = [posix.join(folder, 'vars'), folder];
    for (const path of pathsNamed(named?.value, folders, model.path, play !== undefined))
      files.push({ path, application });
  }
  return files;
}

/** What a play's vars files reach: the roles it applies and the templates its tasks render. */
function applicationOf(play: Unit | undefined, asParameters: boolean, line: number): Application {
  return {
    units: play?.roles ?? [],
    ...(play?.renders ? { files: play.renders } : {}),
    asParameters,
    line,
  };
}

/** Every key of a file a play gives whole, by its full path, as the play's own vars. */
function varsFileValues(model: FileModel, application: Application): GivenValue[] {
  return givenValues(model.variables, ({ path }) => ({
    name: path.join('.'),
    origin: 'vars-file',
    application,
  }));
}

/** `a: {b: 1}` sets `a` and `a.b`; every key of a mapping is a name of its own. */
function leaves(
  name: string,
  value: Value,
  range: SourceRange,
): Array<{ name: string; value: Value; range: SourceRange }> {
  const here = value.kind === 'map' ? [] : [{ name, value, range }];
  return [
    ...here,
    ...(value.entries ?? []).flatMap((entry) =>
      leaves(`${name}.${entry.name}`, entry.value, entry.range),
    ),
  ];
}

/** The role a file of a role's folder belongs to (`kubernetes/node`), by the name plays use. */
function ownRole(path: string): string | undefined {
  const folders = foldersOf(path);
  const { roles, roleFolder } = roleFolders(folders);
  return roles >= 0 && roleFolder > roles + 1
    ? folders.slice(roles + 1, roleFolder).join('/')
    : undefined;
}

/**
 * Where a file's folders say its role is: the index of the last `roles` folder, and of the role's
 * own folder under it (`tasks`, `templates`, ...); -1 for either that is missing.
 */
function roleFolders(folders: readonly string[]): { roles: number; roleFolder: number } {
  const roles = folders.lastIndexOf('roles');
  const roleFolder = folders.findIndex(
    (folder, index) => index > roles && ROLE_FOLDERS.has(folder),
  );
  return { roles, roleFolder };
}

/** A task file of a role, which may include the role's other task files with values. */
const ROLE_TASKS = /(^|\/)tasks\//;

/** A collection's role by its full name: `namespace.collection.role`. */
const COLLECTION_ROLE = /^([a-z_]\w*)\.([a-z_]\w*)\.([a-z_]\w*)$/i;
/** Where a project keeps the collections it installs, as Ansible looks beside a playbook. */
const COLLECTIONS = 'collections/ansible_collections';

/**
 * Roles are looked up in the `roles/` folder of the project that applies them, and a
 * collection's role (`acme.infra.ssh`) in that project's `collections/ansible_collections/`; a
 * collection installed elsewhere, or a role outside the project, is not in the run.
 */
function roleFolder(role: string, tree: string): string | undefined {
  if (role.split('/').some((part) => part === '..' || part === '')) return undefined;
  const prefix = tree === '' ? '' : `${tree}/`;
  const collection = COLLECTION_ROLE.exec(role);
  if (!collection) return `${prefix}roles/${role}`;
  const [, namespace, name, collectionRole] = collection;
  return `${prefix}${COLLECTIONS}/${namespace}/${name}/roles/${collectionRole}`;
}

/** The project a tree of roles belongs to: the one that installs it, for a collection's. */
function projectOf(tree: string): string {
  const installed = new RegExp(`(^|/)${COLLECTIONS}/[^/]+/[^/]+$`).exec(tree);
  return installed ? tree.slice(0, installed.index) : tree;
}

function originOf(model: FileModel, inRole: boolean): DefinitionOrigin {
  const folders = foldersOf(model.path);
  if (folders.includes('host_vars')) return 'host-vars';
  if (folders.includes('group_vars')) return 'group-vars';
  if (!inRole) return 'vars-file';
  return folders.includes('defaults') ? 'role-defaults' : 'role-vars';
}

function placeOf(path: string, roleTrees: readonly string[]): FilePlace {
  const folders = foldersOf(path);
  const { roleFolder } = roleFolders(folders);
  const tree = treeOf(path, folders, roleTrees);
  return roleFolder >= 0 ? { unit: folders.slice(0, roleFolder).join('/'), tree } : { tree };
}

/** The deepest folder holding roles above the file, else the folder its tree variables sit in. */
function treeOf(path: string, folders: readonly string[], roleTrees: readonly string[]): string {
  const holding = roleTrees.find((tree) => contains(tree, path));
  if (holding !== undefined) return holding;
  const variables = folders.findIndex((folder) => TREE_VARIABLE_FOLDERS.has(folder));
  return (variables >= 0 ? folders.slice(0, variables) : folders).join('/');
}
