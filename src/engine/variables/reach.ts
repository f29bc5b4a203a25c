/**
 * Which unchanged files of a repository a change must be read with, judged from paths alone
 * (a review knows the head commit's tree before it reads any content):
 *
 * - a changed definition file (group or host vars, role defaults and vars, Hiera data, cookbook
 *   attributes) reaches every file of its tree that can use its values: the tasks, templates,
 *   manifests and recipes there, and the other definition files, which may override it;
 * - a changed file that uses variables reads the definition files that reach it;
 * - a changed template reads the code of its role, module or cookbook, which says where it lands
 *   and, in Puppet, which class renders it; a changed Puppet manifest reaches its module's
 *   templates, which read its classes' parameter defaults;
 * - plays, Puppet node definitions and Chef roles say where the change runs (its blast radius);
 * - a changed file of a role, module or cookbook reads the files that may apply it with values
 *   (the playbooks of its project, profile manifests, Chef roles);
 * - a changed file reads the tool's settings file that says how its values combine
 *   (`ansible.cfg`, whose `hash_behaviour` may merge dicts).
 *
 * Which units a changed file gives values to (a play's roles, a Puppet class declaration's
 * module, a Chef role's cookbooks) only its text tells (`unitsApplied`, `appliedUnitFiles`).
 */
import { isDeployedFile } from '../../parsers/config/formats.js';
import { detectLanguage, languageByPath } from '../detect-language.js';
import { definesForOthers, mayApplyValues } from './definitions.js';
import { parseFile } from '../../languages/parse-file.js';
import { contains, Places } from '../../languages/places.js';
import { descriptorOf } from '../../languages/index.js';
import { languageByLayout } from '../deployments.js';
import type { FileModel, Language } from '../../model/model.js';

export { languageByPath };

/** Files that say which hosts run what: playbooks and inventories, `site.pp`, Chef roles and nodes. */
const PLACEMENT =
  /(^|\/)(site|main|playbook[^/]*|[^/]*-playbook)\.ya?ml$|(^|\/)playbooks\/[^/]+\.ya?ml$|(^|\/)(inventory|inventories)\/.+|(^|\/)hosts(\.ya?ml|\.ini)?$|(^|\/)manifests\/site\.pp$|(^|\/)(roles|nodes|environments)\/[^/]+\.(json|rb)$/i;

/**
 * The unchanged files of `tree` that the changed files reach or read, and those that place the
 * change on hosts; at most `limit` of them, the shallowest first.
 */
export function reachedFiles(
  changed: readonly string[],
  tree: readonly string[],
  limit: number,
): string[] {
  const changedSet = new Set(changed);
  const byLayout = languageByLayout([...tree, ...changed]);
  const languageOf = (path: string) => languageByPath(path) ?? byLayout(path);
  const candidates = tree
    .filter((path) => !changedSet.has(path))
    .map((path) => ({ path, language: languageOf(path) }));
  const places = new Places(tree.filter((path) => languageOf(path) !== undefined));
  const reached = new Set<string>();
  for (const path of changed) {
    const language = languageOf(path);
    if (!language) continue;
    const deployed = isDeployedFile(path);
    // A deployed file: the tasks, manifests and recipes beside it say where it lands (and, in
    // Puppet, which class renders it). Puppet code: its classes' parameter defaults reach the
    // templates they render.
    if (deployed || rendersInCallerScope(language)) {
      const { unit } = places.of(path, language);
      for (const candidate of candidates)
        if (
          unit !== undefined &&
          candidate.language === language &&
          isDeployedFile(candidate.path) !== deployed &&
          contains(unit, candidate.path)
        )
          reached.add(candidate.path);
    }
    if (definesForOthers(path, language)) {
      const { tree: folder } = places.of(path, language);
      for (const candidate of candidates)
        if (candidate.language === language && contains(folder, candidate.path))
          reached.add(candidate.path);
    } else {
      for (const candidate of candidates) {
        if (candidate.language !== language || !definesForOthers(candidate.path, language))
          continue;
        const { tree: folder } = places.of(candidate.path, language);
        if (contains(folder, path)) reached.add(candidate.path);
      }
    }
    // A unit's code, or a file a play may give its units whole (`vars_files:`): the files that
    // may apply them with values (playbooks, profiles, Chef roles).
    const applied = descriptorOf(language).variables.applied;
    const place = places.of(path, language);
    if (applied && (place.unit !== undefined || mayBeGivenWhole(path, language)))
      for (const candidate of candidates)
        if (
          candidate.language === language &&
          applied.mayApplyTo(candidate.path, places.of(candidate.path, language), place)
        )
          reached.add(candidate.path);
  }
  const changedLanguages = new Set(changed.map(languageOf));
  for (const candidate of candidates)
    if (
      (placesCode(candidate.path) || changesValues(candidate, changedLanguages)) &&
      sharesTop(candidate.path, changed)
    )
      reached.add(candidate.path);
  return [...reached].sort(byDepthThenName).slice(0, limit);
}

/** A file that gives values to units, and the units, by name: which only its text tells. */
export interface UnitsApplied {
  path: string;
  language: Language;
  units: ReadonlySet<string>;
  /** files it gives values to by path (an included task file, a template it renders) */
  files: ReadonlySet<string>;
}

/**
 * The units the changed files give values to (an Ansible play's roles with parameters, the
 * class a manifest declares with parameters, the cookbooks of a Chef role's run list), and those
 * of the unchanged files in `context` that give a changed file whole (a play whose `vars_files:`
 * names it). Each file is parsed once; files that give no unit values are left out.
 */
export function unitsApplied(
  changed: ReadonlyArray<{ path: string; content: string }>,
  context: ReadonlyArray<{ path: string; content: string }> = [],
): UnitsApplied[] {
  const changedPaths = new Set(changed.map((file) => file.path));
  const found: UnitsApplied[] = [];
  for (const [files, givesChanged] of [
    [changed, () => true],
    [context, (paths: readonly string[]) => paths.some((path) => changedPaths.has(path))],
  ] as const) {
    for (const { path, content } of files) {
      const language = applyingLanguage({ path, content });
      const applied = language && descriptorOf(language).variables.applied;
      const model = applied ? parsedModel(path, content, language) : undefined;
      if (!language || !applied || !model) continue;
      const givenFiles = applied.givenFiles?.of(model) ?? [];
      if (!givesChanged(givenFiles.map((given) => given.path))) continue;
      const units = new Set<string>();
      const files = new Set<string>();
      for (const { application } of [...applied.given(model), ...givenFiles]) {
        for (const unit of application.units) units.add(unit);
        for (const file of application.files ?? []) files.add(file);
      }
      if (units.size > 0 || files.size > 0) found.push({ path, language, units, files });
    }
  }
  return found;
}

/**
 * The files of `tree` in the units those files give values to (`unitsApplied`): the rules of
 * those files report on the values given to them. At most `limit`, shallowest first, none of
 * `exclude`.
 */
export function appliedUnitFiles(
  applied: readonly UnitsApplied[],
  tree: readonly string[],
  limit: number,
  exclude: ReadonlySet<string>,
): string[] {
  const places = new Places(tree);
  const holds: Array<(path: string) => boolean> = [];
  for (const { path, language, units, files } of applied) {
    const reading = descriptorOf(language).variables.applied;
    const { tree: folder } = places.of(path, language);
    for (const unit of units) if (reading) holds.push(reading.unitFiles(unit, folder));
    if (files.size > 0) holds.push((candidate) => files.has(candidate));
  }
  if (holds.length === 0) return [];
  return tree
    .filter((path) => !exclude.has(path) && holds.some((holdsPath) => holdsPath(path)))
    .sort(byDepthThenName)
    .slice(0, limit);
}

/**
 * Whether a file may be one that a file of `language` gives whole to the units it applies (a
 * play's `vars_files:`), judged from its path: YAML outside any role.
 */
export function mayBeGivenWhole(path: string, language: Language): boolean {
  const applied = descriptorOf(language).variables.applied;
  return (
    applied?.givenFiles !== undefined &&
    applied.pathMayApply.test(path) &&
    new Places([path]).of(path, language).unit === undefined
  );
}

/** The language of a file whose text may apply units with values; undefined for other files. */
function applyingLanguage(file: { path: string; content: string }): Language | undefined {
  const language = detectLanguage(file.path, file.content);
  return language && mayApplyValues(file.path, file.content, language) ? language : undefined;
}

/** A file's model; undefined when it does not parse or its parser fails, which its own analysis reports. */
function parsedModel(path: string, content: string, language: Language): FileModel | undefined {
  try {
    const parsed = parseFile(path, content, language);
    return parsed.ok ? parsed.model : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the language's templates read the scope of the code that renders them (Puppet's). */
function rendersInCallerScope(language: Language): boolean {
  return descriptorOf(language).templates.renderers !== undefined;
}

/** A playbook, inventory, `site.pp` or Chef role or node; a role's own `tasks/main.yml` is none. */
function placesCode(path: string): boolean {
  return PLACEMENT.test(path) && !/(^|\/)roles\/[^/]+\/[^/]+\//.test(path);
}

/**
 * A settings file of the tool that changes how the changed files' values are read (`ansible.cfg`,
 * whose `hash_behaviour` says whether dicts are replaced whole or merged).
 */
function changesValues(
  { path, language }: { path: string; language: Language | undefined },
  changedLanguages: ReadonlySet<Language | undefined>,
): boolean {
  if (!language || !changedLanguages.has(language)) return false;
  return descriptorOf(language).variables.replacedDicts?.settingsFile.test(path) === true;
}

/** Whether the file sits in the same top folder as a changed file (or at the top). */
function sharesTop(path: string, changed: readonly string[]): boolean {
  const top = path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
  return top === '' || changed.some((other) => other === top || other.startsWith(`${top}/`));
}

function byDepthThenName(a: string, b: string): number {
  const depth = a.split('/').length - b.split('/').length;
  return depth !== 0 ? depth : a < b ? -1 : a > b ? 1 : 0;
}
