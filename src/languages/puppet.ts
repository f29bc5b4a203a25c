import { initChefParser } from '../parsers/chef/parse-chef.js';
import { dependencyFileOf, parseDependencyFile } from '../parsers/dependencies/dependency-files.js';
import { parseHiera } from '../parsers/hiera/parse-hiera.js';
import { parsePuppet } from '../parsers/puppet/parse-puppet.js';
import type { LanguageDescriptor } from './language.js';

const YAML_FILE = /\.ya?ml$/i;

/**
 * Puppet is manifests, Hiera data in YAML (every Hiera file sets values for others), and the
 * Puppetfile, which is Ruby: read with the Ruby grammar the Chef reader loads.
 */
export const puppet: LanguageDescriptor = {
  id: 'puppet',
  name: 'Puppet',
  extensions: ['.pp'],
  namedFiles: (path) => dependencyFileOf(path) === 'puppetfile',
  parse: (path, source) => {
    if (YAML_FILE.test(path)) return parseHiera(path, source);
    if (dependencyFileOf(path) === 'puppetfile')
      return parseDependencyFile(path, source, 'puppetfile');
    return parsePuppet(path, source);
  },
  init: initChefParser,
  templated: /\$\{|\$:{0,2}[a-z_]/,
  definitionFolders: new Set(),
};
