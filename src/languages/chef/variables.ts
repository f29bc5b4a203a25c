/**
 * Chef's variables: attribute files set node attributes for their cookbook first and the other
 * cookbooks beside it second; a recipe's own `node.default[...] = ...`, a custom resource
 * property's default and a Ruby local hold in their own file. References name node attributes
 * by their keys (`node['app']['port']` is `node.app.port`) and properties as
 * `new_resource.bind`.
 */
import { foldersOf, placeByUnitFolders } from '../layout.js';
import type { VariableReading } from '../language.js';
import { parameterDefault } from '../parameter-default.js';
import { rubyReferences } from './references.js';

/** The folders of a Chef cookbook. */
const COOKBOOK_FOLDERS = new Set([
  'recipes',
  'attributes',
  'resources',
  'providers',
  'libraries',
  'templates',
  'files',
]);

export const variables: VariableReading = {
  templated: /#\{/,

  definesForOthers: (path) => foldersOf(path).includes('attributes'),

  placer: () => (path) => placeByUnitFolders(path, COOKBOOK_FOLDERS, true),

  shared: (variable) =>
    variable.scope === 'attribute'
      ? { name: `node.${variable.path.join('.')}`, origin: 'node-attribute' }
      : undefined,

  own(variable) {
    if (variable.scope === 'parameter') return parameterDefault(variable, '.');
    if (variable.scope === 'attribute')
      return {
        name: `node.${variable.path.join('.')}`,
        origin: 'node-attribute',
        level: 'play',
        aliases: [],
      };
    return variable.scope === 'data'
      ? { name: variable.path.join('.'), origin: 'local-variable', level: 'local', aliases: [] }
      : undefined;
  },

  referencesIn: rubyReferences,

  wholeValueName(value) {
    const name = value.name;
    if (!name) return undefined;
    if (value.kind === 'call') return /^(new_resource\.)?[a-z_]\w*$/.test(name) ? name : undefined;
    return /^(node(\.[\w-]+)+|[a-z_]\w*)$/.test(name) ? name : undefined;
  },
};
