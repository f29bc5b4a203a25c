/**
 * Folder arithmetic for variable resolution, shared by the languages' layouts: the unit and
 * tree a file sits in, and whether a folder holds a path.
 */

export interface FilePlace {
  /** the unit's folder ('' for the top of the tree); undefined for a file in no unit */
  unit?: string;
  /** the tree's folder ('' for the top) */
  tree: string;
}

/**
 * The place of a file in a layout whose units are known by their folders (a module's
 * `manifests/`, a cookbook's `recipes/`): the unit is the folder above the first such folder;
 * its tree is the unit itself, or the folder holding the units when `treeHoldsUnits`.
 */
export function placeByUnitFolders(
  path: string,
  unitFolders: ReadonlySet<string>,
  treeHoldsUnits: boolean,
): FilePlace {
  const folders = foldersOf(path);
  const index = folders.findIndex((folder) => unitFolders.has(folder));
  if (index < 0) return { tree: folders.join('/') };
  const unit = folders.slice(0, index).join('/');
  return { unit, tree: treeHoldsUnits ? parentOf(unit) : unit };
}

/** Whether `path` is inside `folder` ('' holds everything). */
export function contains(folder: string, path: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

export function foldersOf(path: string): string[] {
  return path.split('/').slice(0, -1);
}

function parentOf(folder: string): string {
  return folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
}
