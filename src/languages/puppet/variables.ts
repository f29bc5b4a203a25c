/**
 * Puppet's variables: Hiera data sets class parameters and lookups for the module or control
 * repository it sits in; a class parameter's default and `$x = ...` hold in their own file (and
 * in the templates the class renders).
 * References drop the leading `::` of top scope (`$::osfamily` reads `osfamily`).
 */
import { placeByUnitFolders } from '../layout.js';
import type { VariableReading } from '../language.js';
import { parameterDefault } from '../parameter-default.js';
import { puppetReferences } from './references.js';

const YAML_FILE = /\.ya?ml$/i;
/** The folders of a Puppet module or control repository. */
const MODULE_FOLDERS = new Set([
  'manifests',
  'data',
  'hieradata',
  'templates',
  'files',
  'lib',
  'functions',
  'types',
]);

export const variables: VariableReading = {
  templated: /\$\{|\$:{0,2}[a-z_]/,

  // Every Hiera file sets values for others.
  definesForOthers: (path) => YAML_FILE.test(path),

  placer: () => (path) => placeByUnitFolders(path, MODULE_FOLDERS, false),

  shared: (variable) =>
    variable.scope === 'hiera' ? { name: variable.path.join('::'), origin: 'hiera' } : undefined,

  own(variable) {
    if (variable.scope === 'parameter') return parameterDefault(variable, '::');
    return variable.scope === 'data'
      ? {
          name: variable.path.join('::'),
          origin: 'local-variable',
          level: 'local',
          // A class's own variable is read from outside it, and by its templates, qualified.
          aliases: variable.owner ? [`${variable.owner}::${variable.name}`] : [],
        }
      : undefined;
  },

  referencesIn: puppetReferences,

  wholeValueName(value) {
    if (!value.name || value.kind === 'call') return undefined;
    return value.text.includes('[') ? undefined : value.name.replace(/^::/, '');
  },
};
