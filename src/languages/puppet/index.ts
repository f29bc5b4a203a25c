/**
 * Puppet is manifests, Hiera data in YAML (every Hiera file sets values for others), and the
 * Puppetfile, which is Ruby: read with the Ruby grammar the Chef reader loads, which a run
 * without a Puppetfile does not load.
 */
import { initChefParser } from '../../parsers/chef/parse-chef.js';
import { parseDependencyFile } from '../../parsers/dependencies/dependency-files.js';
import { isPuppetfile } from '../../parsers/dependencies/file-names.js';
import { parseHiera } from '../../parsers/hiera/parse-hiera.js';
import { parsePuppet } from '../../parsers/puppet/parse-puppet.js';
import { LANGUAGE_FILES } from '../files.js';
import type { LanguageDescriptor } from '../language.js';
import { puppetReach } from './reach.js';
import { recognition } from './recognition.js';
import { templates } from './templates.js';
import { variables } from './variables.js';

const YAML_FILE = /\.ya?ml$/i;

export const puppet: LanguageDescriptor = {
  id: 'puppet',
  name: 'Puppet',
  ...LANGUAGE_FILES.puppet,
  filesDescription: 'Puppet (.pp)',
  namedFilesDescription: 'Puppetfile',
  unitDescription: 'a Puppet module',
  parse: (path, source) => {
    if (YAML_FILE.test(path)) return parseHiera(path, source);
    if (isPuppetfile(path)) return parseDependencyFile(path, source, 'puppetfile');
    return parsePuppet(path, source);
  },
  grammar: { load: initChefParser, reads: isPuppetfile },
  recognition,
  templates,
  variables,
  reach: puppetReach,
};
