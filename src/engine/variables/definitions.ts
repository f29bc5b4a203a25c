/**
 * The definitions a file holds: the ones it gives other files (role defaults and vars, group
 * and host vars, Hiera data, cookbook attributes), each with the folder it reaches and how
 * strongly it binds there, and the ones it gives itself (play and task vars, class parameters,
 * node attributes set in a recipe, custom resource properties, locals).
 *
 * Precedence is simplified to levels: the highest level among the definitions that reach a
 * file wins, as Ansible's variable precedence, Hiera over parameter defaults, and a recipe's
 * own assignments over attribute files would have it. Definitions of other units (another role's
 * defaults, another cookbook's attributes) reach the whole tree at the lowest level.
 */
import { descriptorOf } from '../../languages/index.js';
import type { FileModel, Language } from '../../model/model.js';
import type { DefinitionOrigin, VariableDefinition } from '../../model/definition.js';
import type { Places } from '../../languages/places.js';

export interface PlacedDefinition {
  definition: VariableDefinition;
  /** the folder whose files it reaches */
  reach: string;
  level: number;
}

export interface OwnDefinition {
  definition: VariableDefinition;
  level: number;
  /** further names references use for it (`profile::selinux::mode` for `mode`) */
  aliases: readonly string[];
  /** for a parameter: what it is a parameter of (the Puppet class `profile::selinux`) */
  owner?: string;
}

const LEVEL = {
  local: 9,
  play: 8,
  roleVars: 7,
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

/** The definitions a definition file gives the files it reaches. */
export function sharedDefinitions(model: FileModel, places: Places): PlacedDefinition[] {
  const reading = descriptorOf(model.language).variables;
  if (!reading.definesForOthers(model.path)) return [];
  const place = places.of(model.path, model.language);
  const placed: PlacedDefinition[] = [];
  for (const variable of model.variables) {
    if (variable.value.kind === 'map') continue;
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
    for (const { reach, level } of reachOf(origin, place))
      placed.push({ definition, reach, level });
  }
  return placed;
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
      level: LEVEL[reading.level],
      aliases: reading.aliases,
      ...(variable.owner ? { owner: variable.owner } : {}),
    });
  }
  return own;
}

function reachOf(
  origin: DefinitionOrigin,
  place: { unit?: string; tree: string },
): Array<{ reach: string; level: number }> {
  switch (origin) {
    case 'role-vars':
    case 'role-defaults':
    case 'node-attribute': {
      const own = origin === 'role-vars' ? LEVEL.roleVars : LEVEL.unitDefault;
      return place.unit === undefined
        ? [{ reach: place.tree, level: LEVEL.treeVars }]
        : [
            { reach: place.unit, level: own },
            { reach: place.tree, level: LEVEL.otherUnit },
          ];
    }
    case 'host-vars':
      return [{ reach: place.tree, level: LEVEL.hostVars }];
    case 'hiera':
      return [{ reach: place.unit ?? place.tree, level: LEVEL.hiera }];
    default:
      return [{ reach: place.tree, level: LEVEL.treeVars }];
  }
}
