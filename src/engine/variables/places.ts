/**
 * Where a file sits for variable resolution: the unit it belongs to (an Ansible role, a Puppet
 * module or control repository, a Chef cookbook) and the tree around it (the project that
 * holds the roles, the folder that holds the cookbooks). Variables reach the files of their
 * unit first and the files of their tree second.
 */
import type { Language } from '../model.js';

export interface FilePlace {
  /** the unit's folder ('' for the top of the tree); undefined for a file in no unit */
  unit?: string;
  /** the tree's folder ('' for the top) */
  tree: string;
}

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
/** The folders of a Puppet module or control repository. */
const MODULE_FOLDERS = new Set([
  'manifests',
  'data',
  'hieradata',
  'templates',
  'files',
  'lib',
  'functions',
  'types',
]);
/** The folders of a Chef cookbook. */
const COOKBOOK_FOLDERS = new Set([
  'recipes',
  'attributes',
  'resources',
  'providers',
  'libraries',
  'templates',
  'files',
]);

export class Places {
  /** Folders that hold Ansible roles: the trees role variables reach. */
  private readonly ansibleTrees: readonly string[];

  constructor(paths: readonly string[]) {
    const trees = new Set<string>();
    for (const path of paths) {
      const folders = foldersOf(path);
      const roles = folders.indexOf('roles');
      if (roles >= 0) trees.add(join(folders.slice(0, roles)));
    }
    this.ansibleTrees = [...trees].sort((a, b) => b.length - a.length);
  }

  of(path: string, language: Language): FilePlace {
    if (language === 'ansible') return this.ansible(path);
    const folders = foldersOf(path);
    const known = language === 'puppet' ? MODULE_FOLDERS : COOKBOOK_FOLDERS;
    const index = folders.findIndex((folder) => known.has(folder));
    if (index < 0) return { tree: join(folders) };
    const unit = join(folders.slice(0, index));
    return { unit, tree: language === 'chef' ? parentOf(unit) : unit };
  }

  private ansible(path: string): FilePlace {
    const folders = foldersOf(path);
    const roles = folders.lastIndexOf('roles');
    const roleFolder = folders.findIndex(
      (folder, index) => index > roles && ROLE_FOLDERS.has(folder),
    );
    const tree = this.treeOf(path, folders);
    return roleFolder >= 0 ? { unit: join(folders.slice(0, roleFolder)), tree } : { tree };
  }

  /** The deepest folder holding roles above the file, else the folder its tree variables sit in. */
  private treeOf(path: string, folders: readonly string[]): string {
    const holding = this.ansibleTrees.find((tree) => contains(tree, path));
    if (holding !== undefined) return holding;
    const variables = folders.findIndex((folder) => TREE_VARIABLE_FOLDERS.has(folder));
    return join(variables >= 0 ? folders.slice(0, variables) : folders);
  }
}

/** Whether `path` is inside `folder` ('' holds everything). */
export function contains(folder: string, path: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

function foldersOf(path: string): string[] {
  return path.split('/').slice(0, -1);
}

function join(folders: readonly string[]): string {
  return folders.join('/');
}

function parentOf(folder: string): string {
  return folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
}
