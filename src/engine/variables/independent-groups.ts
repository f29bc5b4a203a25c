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
 */
import { LANGUAGES, type Language } from '../../model/model.js';
import { descriptorOf } from '../../languages/index.js';
import { definesForOthers } from './definitions.js';
import { Places } from '../../languages/places.js';

const DEPLOYED_FROM_TOP = /^(templates|files)\//;

/**
 * Whether a file may give values to units outside its top folder: a playbook at the top of a
 * project whose roles sit in `roles/`, a manifest of a control repository scanned from its top,
 * a role of a Chef repository.
 */
function mayApplyBeyondTop(
  path: string,
  language: Language,
  places: Places,
  topFolders: ReadonlySet<string>,
): boolean {
  const applied = descriptorOf(language).variables.applied;
  if (!applied?.pathMayApply.test(path)) return false;
  return applied.reachesOtherTops(path, places.of(path, language).tree, topFolders);
}

function topOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
}

export function independentGroups<T extends { path: string }>(files: readonly T[]): T[][] {
  const paths = files.map((file) => file.path);
  const places = new Places(paths);
  const topFolders = new Set(paths.filter((path) => path.includes('/')).map(topOf));
  const reachesTop = files.some(
    ({ path }) =>
      DEPLOYED_FROM_TOP.test(path) ||
      LANGUAGES.some((language) => {
        if (mayApplyBeyondTop(path, language, places, topFolders)) return true;
        if (!definesForOthers(path, language)) return false;
        return [places.of(path, language), new Places([path]).of(path, language)].some(
          (place) => place.unit === '' || place.tree === '',
        );
      }),
  );
  if (reachesTop) return files.length > 0 ? [[...files]] : [];
  const groups = new Map<string, T[]>();
  for (const file of files) {
    const top = topOf(file.path);
    let group = groups.get(top);
    if (!group) {
      group = [];
      groups.set(top, group);
    }
    group.push(file);
  }
  return [...groups.values()];
}
