import { parseHiera } from '../parsers/hiera/parse-hiera.js';
import { parsePuppet } from '../parsers/puppet/parse-puppet.js';
import type { LanguageDescriptor } from './language.js';

const YAML_FILE = /\.ya?ml$/i;

/** Puppet is manifests, and Hiera data in YAML (every Hiera file sets values for others). */
export const puppet: LanguageDescriptor = {
  id: 'puppet',
  name: 'Puppet',
  extensions: ['.pp'],
  parse: (path, source) =>
    YAML_FILE.test(path) ? parseHiera(path, source) : parsePuppet(path, source),
  templated: /\$\{|\$:{0,2}[a-z_]/,
  definitionFolders: new Set(),
};
