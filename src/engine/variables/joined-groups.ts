/**
 * Groups that a file's text joins. `independentGroups` splits a run from paths alone, but a play
 * may name a file in another group (`vars_files: ../common/vars.yml` in `site/site.yml`, with
 * `common/` beside `site/`), and the analysis follows that file's values into the play: the two
 * groups must be read together, or a value set there goes unjudged.
 *
 * Judged from text, on the safe side: a relative path that has another group's top folder as one
 * of its folders (`../common/vars.yml`, `common/vars.yml`, `../../checkouts/common/vars.yml`), or
 * a file at the top of the run as its last part (`../vars.yml`), joins the two groups, whatever
 * key names it. Joining too much costs memory; joining too little would lose findings.
 */
import { posix } from 'node:path';
import { topFoldersOf } from './independent-groups.js';
import { isDeployedFile } from '../../parsers/config/formats.js';

/** Characters of a path: a name with one of them right before it is not a path's first folder. */
const PATH_CHARACTER = /[\w.@/~-]/;

/** What a text may name of another group: its top folder, or one of its files at the top. */
interface Target {
  group: number;
  name: string;
  file: boolean;
}

/**
 * `groups` joined where a file of one names a path in another. `textOf` gives a file's text, or
 * undefined when it cannot be read (its own analysis reports why); the text is let go as soon as
 * it has been searched. The groups keep their order; a joined group takes the place of the
 * first of its parts.
 */
export function joinGroupsNamingEachOther<T extends { path: string }>(
  groups: readonly (readonly T[])[],
  textOf: (file: T) => string | undefined,
): T[][] {
  if (groups.length < 2) return groups.map((group) => [...group]);
  const targets = targetsOf(groups);
  const joined = new DisjointSets(groups.length);
  groups.forEach((group, index) => {
    for (const file of group) {
      // What the analysis follows by path is named in code: a play's `vars_files:`, a task's
      // `include_tasks:` or `template: src=`, a manifest's `template()`. A template or a file
      // the code deploys lands on the host as it is, and is not read ahead.
      if (isDeployedFile(file.path)) continue;
      const text = textOf(file);
      if (text === undefined) continue;
      for (const target of targets)
        if (!joined.same(index, target.group) && namesPath(text, target.name, target.file))
          joined.join(index, target.group);
    }
  });
  const byRoot = new Map<number, T[]>();
  groups.forEach((group, index) => {
    const root = joined.root(index);
    const members = byRoot.get(root);
    if (members) members.push(...group);
    else byRoot.set(root, [...group]);
  });
  return [...byRoot.values()];
}

function targetsOf<T extends { path: string }>(groups: readonly (readonly T[])[]): Target[] {
  const targets: Target[] = [];
  topFoldersOf(groups).forEach((top, group) => {
    if (top !== '') targets.push({ group, name: top, file: false });
    else
      for (const { path } of groups[group] ?? [])
        targets.push({ group, name: posix.basename(path), file: true });
  });
  return targets;
}

/**
 * Whether `text` holds a relative path with the folder `name` in it, or, for a `file`, ending
 * in the file `name`.
 */
export function namesPath(text: string, name: string, file = false): boolean {
  const needle = file ? name : `${name}/`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (file && PATH_CHARACTER.test(text.charAt(at + needle.length))) continue;
    if (inRelativePath(text, at)) return true;
  }
  return false;
}

/** Whether the name at `at` is a whole folder or file name of a relative path. */
function inRelativePath(text: string, at: number): boolean {
  if (at === 0 || !PATH_CHARACTER.test(text.charAt(at - 1))) return true;
  // `uncommon/` holds `common/`, but not as a name of its own.
  if (text.charAt(at - 1) !== '/') return false;
  let start = at - 1;
  while (start > 0 && PATH_CHARACTER.test(text.charAt(start - 1))) start--;
  // `/etc/common/`, `~/common/` and `https://host/common/` are not in the run.
  const first = text.charAt(start);
  return first !== '/' && first !== '~';
}

/** Sets of group indexes, joined two at a time. */
class DisjointSets {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }

  root(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    this.parent[index] = root;
    return root;
  }

  same(a: number, b: number): boolean {
    return this.root(a) === this.root(b);
  }

  join(a: number, b: number): void {
    const [first, second] = [this.root(a), this.root(b)].sort((x, y) => x - y);
    if (first !== undefined && second !== undefined) this.parent[second] = first;
  }
}
