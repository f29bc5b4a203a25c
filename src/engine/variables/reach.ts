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
 *   (the playbooks of its project, profile manifests, Chef roles).
 *
 * Which units a changed file gives values to (a play's roles, a Puppet class declaration's
 * module, a Chef role's cookbooks) only its text tells (`appliedUnitFiles`).
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
  for (const candidate of candidates)
    if (placesCode(candidate.path) && sharesTop(candidate.path, changed))
      reached.add(candidate.path);
  return [...reached].sort(byDepthThenName).slice(0, limit);
}

/**
 * The unchanged files of `tree` in the units a changed file applies with values (an Ansible
 * play's roles with parameters, the module of a class a manifest declares with parameters, the
 * cookbooks of a Chef role's run list), which only its text tells: the rules of those files
 * report on the values given to them. At most `limit`, shallowest first.
 */
export function appliedUnitFiles(
  changed: ReadonlyArray<{ path: string; content: string }>,
  tree: readonly string[],
  limit: number,
): string[] {
  const changedSet = new Set(changed.map((file) => file.path));
  const places = new Places(tree);
  const holds: Array<(path: string) => boolean> = [];
  for (const { path, content } of changed) {
    const language = applyingLanguage({ path, content });
    if (!language) continue;
    const applied = descriptorOf(language).variables.applied;
    const { tree: folder } = places.of(path, language);
    for (const unit of appliedUnits(path, content, language))
      if (applied) holds.push(applied.unitFiles(unit, folder));
  }
  if (holds.length === 0) return [];
  return tree
    .filter((path) => !changedSet.has(path) && holds.some((holdsPath) => holdsPath(path)))
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

/** The paths of the files a file gives whole to the units it applies (a play's `vars_files:`). */
export function givenFilePaths(file: { path: string; content: string }): string[] {
  const language = applyingLanguage(file);
  const givenFiles = language && descriptorOf(language).variables.applied?.givenFiles;
  const model = givenFiles ? parsedModel(file.path, file.content, language) : undefined;
  return model && givenFiles ? givenFiles.of(model).map(({ path }) => path) : [];
}

/** The language of a file whose text may apply units with values; undefined for other files. */
export function applyingLanguage(file: { path: string; content: string }): Language | undefined {
  const language = detectLanguage(file.path, file.content);
  return language && mayApplyValues(file.path, file.content, language) ? language : undefined;
}

/** The units a file gives values to, by name, itself or through the files it gives whole. */
function appliedUnits(path: string, content: string, language: Language): Set<string> {
  const units = new Set<string>();
  const model = parsedModel(path, content, language);
  const applied = descriptorOf(language).variables.applied;
  if (!model || !applied) return units;
  const applications = [
    ...applied.given(model).map(({ application }) => application),
    ...(applied.givenFiles?.of(model).map(({ application }) => application) ?? []),
  ];
  for (const application of applications) for (const unit of application.units) units.add(unit);
  return units;
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

/** Whether the file sits in the same top folder as a changed file (or at the top). */
function sharesTop(path: string, changed: readonly string[]): boolean {
  const top = path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
  return top === '' || changed.some((other) => other === top || other.startsWith(`${top}/`));
}

function byDepthThenName(a: string, b: string): number {
  const depth = a.split('/').length - b.split('/').length;
  return depth !== 0 ? depth : a < b ? -1 : a > b ? 1 : 0;
}
