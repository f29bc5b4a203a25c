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
import type { FileModel, Language, Variable, VariableScope } from '../model.js';
import type { DefinitionOrigin, VariableDefinition } from './definition.js';
import type { Places } from './places.js';

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

const YAML_FILE = /\.ya?ml$/i;

/** Whether a file sets variables for other files: these are read before the files that use them. */
export function definesForOthers(path: string, language: Language): boolean {
  if (language === 'puppet') return YAML_FILE.test(path);
  const folders = path.split('/').slice(0, -1);
  return folders.some((folder) => descriptorOf(language).definitionFolders.has(folder));
}

/** The definitions a definition file gives the files it reaches. */
export function sharedDefinitions(model: FileModel, places: Places): PlacedDefinition[] {
  if (!definesForOthers(model.path, model.language)) return [];
  const place = places.of(model.path, model.language);
  const placed: PlacedDefinition[] = [];
  for (const variable of model.variables) {
    if (variable.value.kind === 'map') continue;
    const named = sharedName(variable, model.language);
    if (!named) continue;
    const origin = originOf(model, named.inventory, place.unit !== undefined);
    const definition: VariableDefinition = {
      name: named.name,
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
  for (const variable of model.variables) {
    if (variable.value.kind === 'map') continue;
    const reading = ownReading(variable, model.language);
    if (!reading) continue;
    const definition: VariableDefinition = {
      name: reading.name,
      value: variable.value,
      path: model.path,
      range: variable.range,
      origin: reading.origin,
    };
    own.push({ definition, level: reading.level, aliases: reading.aliases });
  }
  return own;
}

function sharedName(
  variable: Variable,
  language: Language,
): { name: string; inventory?: boolean } | undefined {
  if (language === 'ansible') {
    if (variable.scope === 'inventory') {
      const vars = variable.path.lastIndexOf('vars');
      return vars >= 0 && vars < variable.path.length - 1
        ? { name: variable.path.slice(vars + 1).join('.'), inventory: true }
        : undefined;
    }
    return variable.scope === 'vars-file' || variable.scope === 'data'
      ? { name: variable.path.join('.') }
      : undefined;
  }
  if (language === 'puppet')
    return variable.scope === 'hiera' ? { name: variable.path.join('::') } : undefined;
  return variable.scope === 'attribute' ? { name: `node.${variable.path.join('.')}` } : undefined;
}

function originOf(
  model: FileModel,
  inventory: boolean | undefined,
  inRole: boolean,
): DefinitionOrigin {
  if (model.language === 'puppet') return 'hiera';
  if (model.language === 'chef') return 'node-attribute';
  if (inventory) return 'inventory';
  const folders = model.path.split('/').slice(0, -1);
  if (folders.includes('host_vars')) return 'host-vars';
  if (folders.includes('group_vars')) return 'group-vars';
  if (!inRole) return 'vars-file';
  return folders.includes('defaults') ? 'role-defaults' : 'role-vars';
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

interface OwnReading {
  name: string;
  origin: DefinitionOrigin;
  level: number;
  aliases: string[];
}

const ANSIBLE_OWN: Partial<Record<VariableScope, { origin: DefinitionOrigin; level: number }>> = {
  task: { origin: 'task-vars', level: LEVEL.local },
  play: { origin: 'play-vars', level: LEVEL.play },
};

function ownReading(variable: Variable, language: Language): OwnReading | undefined {
  if (language === 'ansible') {
    const own = ANSIBLE_OWN[variable.scope];
    return own ? { name: variable.path.join('.'), ...own, aliases: [] } : undefined;
  }
  if (variable.scope === 'parameter') {
    if (!variable.owner || variable.path.length !== 1) return undefined;
    const qualified =
      language === 'puppet'
        ? `${variable.owner}::${variable.name}`
        : `${variable.owner}.${variable.name}`;
    return {
      name: variable.name,
      origin: 'parameter-default',
      level: LEVEL.parameterDefault,
      aliases: [qualified],
    };
  }
  if (language === 'puppet')
    return variable.scope === 'data'
      ? {
          name: variable.path.join('::'),
          origin: 'local-variable',
          level: LEVEL.local,
          aliases: [],
        }
      : undefined;
  if (variable.scope === 'attribute')
    return {
      name: `node.${variable.path.join('.')}`,
      origin: 'node-attribute',
      level: LEVEL.play,
      aliases: [],
    };
  return variable.scope === 'data'
    ? { name: variable.path.join('.'), origin: 'local-variable', level: LEVEL.local, aliases: [] }
    : undefined;
}
