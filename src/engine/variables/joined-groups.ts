/**
 * Groups that a file's text joins. `independentGroups` splits a run from paths alone, but a play
 * may name a file in another group (`vars_files: ../common/vars.yml` in `site/site.yml`, with
 * `common/` beside `site/`), and the analysis follows that file's values into the play: the two
 * groups must be read together, or a value set there goes unjudged.
 *
 * Judged from text, on the safe side: a relative path that has another group's top folder as one
 * of its names (`../common/vars.yml`, `common/vars.yml`, `../../checkouts/common/vars.yml`), or a
 * file at the top of the run as its last (`../vars.yml`), joins the two groups, whatever key
 * names it. Joining too much costs memory; joining too little would lose findings.
 */
import { posix } from 'node:path';
import { topFoldersOf } from './independent-groups.js';
import { isDeployedFile } from '../../parsers/config/formats.js';
import { mayBeAnalysed } from '../detect-language.js';

/** What a text may name of another group: its top folder, or a file at the top of the run. */
interface Targets {
  folders: ReadonlyMap<string, number>;
  files: ReadonlyMap<string, number>;
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
      // the code deploys lands on the host as it is, and a file no language could read (a
      // module's Ruby specs) names nothing the analysis follows: neither is read ahead.
      if (isDeployedFile(file.path) || !mayBeAnalysed(file.path)) continue;
      const text = textOf(file);
      if (text === undefined) continue;
      for (const path of relativePathsIn(text))
        for (const other of groupsNamed(path, targets)) joined.join(index, other);
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

function targetsOf<T extends { path: string }>(groups: readonly (readonly T[])[]): Targets {
  const folders = new Map<string, number>();
  const files = new Map<string, number>();
  topFoldersOf(groups).forEach((top, group) => {
    if (top !== '') folders.set(top, group);
    else for (const { path } of groups[group] ?? []) files.set(posix.basename(path), group);
  });
  return { folders, files };
}

/** The groups a relative path may lead into: through any of its folders, or to a file at the top. */
function* groupsNamed(path: string, { folders, files }: Targets): Generator<number> {
  const names = path.split('/');
  for (const name of names) {
    const group = folders.get(name);
    if (group !== undefined) yield group;
  }
  const group = files.get(names[names.length - 1] ?? '');
  if (group !== undefined) yield group;
}

/**
 * The relative paths a text holds: each run of path characters with a `/` in it, unless it is
 * absolute (`/etc/ssh`), in a home folder (`~/.ssh`) or a URL's (`https://host/x`), none of which
 * the analysis follows into the run. A path that follows an expression is read from the
 * expression's folder (`{{ playbook_dir }}/../common/x.yml` is `../common/x.yml`): the analysis
 * follows those written from the playbook's or the role's folder.
 */
export function* relativePathsIn(text: string): Generator<string> {
  for (let slash = text.indexOf('/'); slash >= 0;) {
    let start = slash;
    while (start > 0 && isPathCharacter(text.charCodeAt(start - 1))) start--;
    let end = slash + 1;
    while (end < text.length && isPathCharacter(text.charCodeAt(end))) end++;
    const first = text.charAt(start);
    if (first !== '/' && first !== '~') yield text.slice(start, end);
    else if (first === '/' && text.endsWith('}}', start)) yield text.slice(start + 1, end);
    slash = text.indexOf('/', end);
  }
}

/** Letters, digits and `_ . @ ~ - /`: the characters of a path as code names it. */
function isPathCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x5f || // _
    code === 0x2e || // .
    code === 0x40 || // @
    code === 0x7e || // ~
    code === 0x2d || // -
    code === 0x2f // /
  );
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
