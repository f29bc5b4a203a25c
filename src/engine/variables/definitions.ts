/**
 * The definitions a file holds: the ones it gives other files (role defaults and vars, group
 * and host vars, Hiera data, a Puppet module's `params.pp`, cookbook attributes, and the values
 * a file gives the units it applies: a play's roles, a Puppet class declaration's class, a Chef
 * role's cookbooks, the task file or template a task includes or renders), each with the
 * folder (or the one file) it reaches and how strongly it binds there, and the ones it gives
 * itself (play and task vars, class parameters, node attributes set in a recipe, custom
 * resource properties, locals).
 *
 * Precedence is simplified to levels: the highest level among the definitions that reach a
 * file wins, as Ansible's variable precedence, Hiera over parameter defaults, and a recipe's
 * own assignments over attribute files would have it; Chef's attribute precedence levels rank
 * above all of these. Another role's defaults reach the whole tree at the lowest level. Values
 * given where a unit is applied, and another cookbook's attributes, win only in the runs of that
 * application (`strongest` in `variable-index.ts`).
 */
import { descriptorOf } from '../../languages/index.js';
import type { Application, FileModel, Language } from '../../model/model.js';
import type { DefinitionOrigin, VariableDefinition } from '../../model/definition.js';
import type { Places } from '../../languages/places.js';
import type { AppliedReading, GivenValue } from '../../languages/language.js';

export interface PlacedDefinition {
  definition: VariableDefinition;
  /** the folder whose files it reaches, or the one file it reaches */
  reach: string;
  level: number;
  /**
   * For a value given where a unit is applied: what applies it (file and line). The unit runs
   * once with those values and may run elsewhere without them (`strongest` in
   * `variable-index.ts`).
   */
  application?: string;
  /** where the value's references are read, when not where the unit uses it */
  readIn?: GivingScope;
}

/** The file, and the scope within it (a Puppet class), a value is given in. */
export interface GivingScope {
  path: string;
  scope?: string;
}

export interface OwnDefinition {
  definition: VariableDefinition;
  level: number;
  /** further names references use for it (`profile::selinux::mode` for `mode`) */
  aliases: readonly string[];
  /** for a parameter: what it is a parameter of (the Puppet class `profile::selinux`) */
  owner?: string;
}

/**
 * How far apart Chef's attribute precedence levels are: more than every other level, so that
 * an `override` wins over a `default` wherever both are set.
 */
const PRECEDENCE_STEP = 20;

const LEVEL = {
  appliedParameters: 11,
  local: 10,
  /** a play's `vars_files:` in the playbook's own tasks: over the play's vars, under a task's */
  givenFileInPlay: 9.5,
  play: 9,
  roleVars: 8,
  appliedVars: 7,
  hostVars: 6,
  treeVars: 5,
  hiera: 5,
  unitDefault: 4,
  parameterDefault: 4,
  otherUnit: 1,
} as const;

/** Whether a file sets variables for other files: these are read before the files that use them. */
export function definesForOthers(path: string, language: Language): boolean {
  return descriptorOf(language).variables.definesForOthers(path);
}

/**
 * Whether a file may give values to the units it applies (an Ansible play's roles, a Puppet
 * class declaration, a Chef role), judged from its path and text: such a file is read, like a
 * definition file, before the files it reaches.
 */
export function mayApplyValues(path: string, content: string, language: Language): boolean {
  const applied = descriptorOf(language).variables.applied;
  return applied !== undefined && applied.pathMayApply.test(path) && applied.mayApply.test(content);
}

/**
 * The definitions a file gives the files it reaches: all of a definition file's, and the
 * values any file gives the units it applies.
 */
export function sharedDefinitions(model: FileModel, places: Places): PlacedDefinition[] {
  const reading = descriptorOf(model.language).variables;
  const forOthers = reading.definesForOthers(model.path);
  const { applied } = reading;
  if (!forOthers && !applied) return [];
  const place = places.of(model.path, model.language);
  const placed = applied ? appliedDefinitions(model, place.tree, applied) : [];
  if (!forOthers) return placed;
  for (const variable of model.variables) {
    if (variable.value.kind === 'map' || variable.appliesTo) continue;
    const shared = reading.shared(variable, model, place.unit !== undefined);
    if (!shared) continue;
    const { origin } = shared;
    const definition: VariableDefinition = {
      name: shared.name,
      value: variable.value,
      path: model.path,
      range: variable.range,
      origin,
    };
    const rank = PRECEDENCE_STEP * (variable.precedence ?? 0);
    for (const { reach, level, application } of reachOf(origin, place, model.path))
      placed.push({
        definition,
        reach,
        level: level + rank,
        ...(application ? { application } : {}),
      });
  }
  return placed;
}

/** The values a file gives the units it applies, each placed in the folder of each unit. */
function appliedDefinitions(
  model: FileModel,
  tree: string,
  reading: AppliedReading,
): PlacedDefinition[] {
  return placeGiven(reading.given(model), model.path, model.path, tree, reading);
}

/**
 * The values of a file another gives, whole, to the units it applies (a play's `vars_files:`),
 * placed as that file's own: `applier` is the file that applies them, in `tree`.
 */
export function givenFileDefinitions(
  model: FileModel,
  application: Application,
  applier: string,
  tree: string,
): PlacedDefinition[] {
  const reading = descriptorOf(model.language).variables.applied;
  if (!reading) return [];
  const values = reading.givenFiles?.values(model, application) ?? [];
  // The playbook that names the file runs tasks of its own, which read its values too.
  const inApplier = values.map(({ name, value, range, origin }) => ({
    definition: { name, value, path: model.path, range, origin },
    reach: applier,
    level: application.asParameters ? LEVEL.appliedParameters : LEVEL.givenFileInPlay,
    application: `${applier}:${application.line}`,
  }));
  return [...placeGiven(values, model.path, applier, tree, reading), ...inApplier];
}

function placeGiven(
  given: readonly GivenValue[],
  path: string,
  applier: string,
  tree: string,
  reading: AppliedReading,
): PlacedDefinition[] {
  return given.flatMap(({ name, value, range, origin, application, precedence, scope }) => {
    const definition: VariableDefinition = { name, value, path, range, origin };
    const level =
      (application.asParameters ? LEVEL.appliedParameters : LEVEL.appliedVars) +
      PRECEDENCE_STEP * (precedence ?? 0);
    const readIn = reading.readWhereGiven ? { path, ...(scope ? { scope } : {}) } : undefined;
    const reaches = [
      ...application.units.map((unit) => reading.unitFolder(unit, tree)),
      ...(application.files ?? []),
    ];
    return reaches.flatMap((reach) =>
      reach === undefined
        ? []
        : [
            {
              definition,
              reach,
              level,
              application: `${applier}:${application.line}`,
              ...(readIn ? { readIn } : {}),
            },
          ],
    );
  });
}

/** The definitions a file gives itself. */
export function ownDefinitions(model: FileModel): OwnDefinition[] {
  const own: OwnDefinition[] = [];
  const { variables } = descriptorOf(model.language);
  for (const variable of model.variables) {
    if (variable.value.kind === 'map') continue;
    const reading = variables.own(variable);
    if (!reading) continue;
    const definition: VariableDefinition = {
      name: reading.name,
      value: variable.value,
      path: model.path,
      range: variable.range,
      origin: reading.origin,
    };
    own.push({
      definition,
      level: LEVEL[reading.level] + PRECEDENCE_STEP * (variable.precedence ?? 0),
      aliases: reading.aliases,
      ...(variable.owner ? { owner: variable.owner } : {}),
    });
  }
  return own;
}

function reachOf(
  origin: DefinitionOrigin,
  place: { unit?: string; tree: string },
  path: string,
): Array<{ reach: string; level: number; application?: string }> {
  switch (origin) {
    case 'role-vars':
    case 'role-defaults': {
      const own = origin === 'role-vars' ? LEVEL.roleVars : LEVEL.unitDefault;
      return place.unit === undefined
        ? [{ reach: place.tree, level: LEVEL.treeVars }]
        : [
            { reach: place.unit, level: own },
            { reach: place.tree, level: LEVEL.otherUnit },
          ];
    }
    case 'node-attribute':
      // Every cookbook of a run list loads its attribute files, and which one's value stands
      // depends on the run list (a wrapper cookbook sets its base cookbook's attributes): another
      // cookbook's value wins in the runs that load it, as a value given where it is applied.
      return place.unit === undefined
        ? [{ reach: place.tree, level: LEVEL.treeVars }]
        : [
            { reach: place.unit, level: LEVEL.unitDefault },
            { reach: place.tree, level: LEVEL.unitDefault, application: path },
          ];
    case 'host-vars':
      return [{ reach: place.tree, level: LEVEL.hostVars }];
    case 'hiera':
      return [{ reach: place.unit ?? place.tree, level: LEVEL.hiera }];
    case 'local-variable':
      // A class's variable read from elsewhere, by its qualified name, which names it alone.
      return [{ reach: '', level: LEVEL.treeVars }];
    default:
      return [{ reach: place.tree, level: LEVEL.treeVars }];
  }
}
