/**
 * The files of a run split into groups whose variables cannot reach one another, judged from
 * paths alone: a definition reaches the files of its unit and its tree, never above. When no
 * definition file of the run reaches its top folder, the files under different top folders
 * (each a project of its own: `kubespray/`, `ops-playbooks/`) share nothing, and a scan can read
 * and analyse them one group after another, holding one group in memory at a time. Otherwise
 * the whole run is one group.
 *
 * Judged for every language a file could be read in, so that a group never splits what
 * analysis would have joined. What code says of the templates it deploys (`deployments.ts`) is
 * read within a group too: a template is matched to the task that deploys it by name, and a
 * task of another project naming the same template is no evidence of where this one lands.
 * For the same reason, `templates/` or `files/` at the top of the run (a module or cookbook
 * repository checked out at the root) keeps the run whole: the code that deploys them, and
 * shows whose they are, sits beside them in other top folders. So does a file that may give
 * values to units in another top folder (a playbook beside `roles/`, a manifest of a Puppet
 * control repository, a Chef role).
 *
 * The top is the folder that holds every file of the run, not the folder the run started in: a
 * scan of `projects/` from its parent names every file `projects/…`, and its projects are the
 * folders below `projects/`, as they are for a scan started inside it.
 */
import { LANGUAGES, type Language } from '../../model/model.js';
import { descriptorOf } from '../../languages/index.js';
import { definesForOthers } from './definitions.js';
import { Places } from '../../languages/places.js';
import { foldersOf } from '../../languages/layout.js';

const DEPLOYED_FROM_TOP = /^(templates|files)\//;

/** The folder that holds every path ('' when one of them sits at the top). */
function commonFolder(paths: readonly string[]): string {
  const [first, ...others] = paths.map(foldersOf);
  if (!first) return '';
  let shared = first.length;
  for (const folders of others) {
    let index = 0;
    while (index < shared && folders[index] === first[index]) index++;
    shared = index;
  }
  return first.slice(0, shared).join('/');
}

/**
 * A run's paths as seen from the folder that holds them all: `relative` gives a path or folder
 * below that folder ('' for the folder itself), or undefined for a folder above it.
 */
class RunTop {
  private readonly prefix: string;

  constructor(private readonly folder: string) {
    this.prefix = folder === '' ? '' : `${folder}/`;
  }

  relative(pathOrFolder: string): string | undefined {
    if (pathOrFolder === this.folder) return '';
    return pathOrFolder.startsWith(this.prefix)
      ? pathOrFolder.slice(this.prefix.length)
      : undefined;
  }

  /** The top folder a path sits under ('' for a file at the top). */
  topOf(path: string): string {
    const relative = this.relative(path) ?? path;
    return relative.includes('/') ? relative.slice(0, relative.indexOf('/')) : '';
  }
}

/** Whether a unit's or tree's folder takes in the whole top, or more. */
function holdsTop(folder: string | undefined, top: RunTop): boolean {
  if (folder === undefined) return false;
  const relative = top.relative(folder);
  return relative === undefined || relative === '';
}

/**
 * Whether a file may give values to units outside its top folder: a playbook at the top of a
 * project whose roles sit in `roles/`, a manifest of a control repository scanned from its top,
 * a role of a Chef repository.
 */
function mayApplyBeyondTop(
  path: string,
  language: Language,
  places: Places,
  top: RunTop,
  topFolders: ReadonlySet<string>,
): boolean {
  const applied = descriptorOf(language).variables.applied;
  if (!applied?.pathMayApply.test(path)) return false;
  const tree = top.relative(places.of(path, language).tree);
  // A tree above the top holds the units of every top folder.
  if (tree === undefined) return true;
  return applied.reachesOtherTops(top.relative(path) ?? path, tree, topFolders);
}

/** Whether a file defines variables for a unit or tree that takes in the whole top. */
function definesForTop(path: string, language: Language, places: Places, top: RunTop): boolean {
  if (!definesForOthers(path, language)) return false;
  return [places.of(path, language), new Places([path]).of(path, language)].some(
    (place) => holdsTop(place.unit, top) || holdsTop(place.tree, top),
  );
}

export function independentGroups<T extends { path: string }>(files: readonly T[]): T[][] {
  const paths = files.map((file) => file.path);
  const places = new Places(paths);
  const top = new RunTop(commonFolder(paths));
  const topFolders = new Set(
    paths.map((path) => top.topOf(path)).filter((folder) => folder !== ''),
  );
  const reachesTop = files.some(
    ({ path }) =>
      DEPLOYED_FROM_TOP.test(top.relative(path) ?? path) ||
      LANGUAGES.some(
        (language) =>
          mayApplyBeyondTop(path, language, places, top, topFolders) ||
          definesForTop(path, language, places, top),
      ),
  );
  if (reachesTop) return files.length > 0 ? [[...files]] : [];
  const groups = new Map<string, T[]>();
  for (const file of files) {
    const folder = top.topOf(file.path);
    let group = groups.get(folder);
    if (!group) {
      group = [];
      groups.set(folder, group);
    }
    group.push(file);
  }
  return [...groups.values()];
}

/**
 * The top folder of each group, as `independentGroups` split them: every file of a group sits
 * under it ('' for the files at the top of the run).
 */
export function topFoldersOf<T extends { path: string }>(
  groups: readonly (readonly T[])[],
): string[] {
  const top = new RunTop(commonFolder(groups.flat().map(({ path }) => path)));
  return groups.map((group) => (group[0] ? top.topOf(group[0].path) : ''));
}
