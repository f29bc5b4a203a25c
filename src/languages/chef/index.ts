/**
 * Chef is cookbook Ruby, roles, environments and nodes, the JSON of data bag items, and the
 * Berksfile.
 */
import { parseDataBagItem } from '../../parsers/chef/data-bags.js';
import { initChefParser, parseChef } from '../../parsers/chef/parse-chef.js';
import { isRoleFile } from '../../parsers/chef/file-names.js';
import { parseRoleJson } from '../../parsers/chef/roles.js';
import { parseDependencyFile } from '../../parsers/dependencies/dependency-files.js';
import { LANGUAGE_FILES } from '../files.js';
import type { LanguageDescriptor } from '../language.js';
import { chefDestinations } from './deployments.js';
import { chefReach } from './reach.js';
import { isBerksfile } from '../../parsers/dependencies/file-names.js';
import { recognition } from './recognition.js';
import { variables } from './variables.js';

const JSON_FILE = /\.json$/i;
const COOKBOOK_LAYOUT =
  /(^|\/)(cookbooks\/[^/]+\/|)(templates|files)\/(default|host-[^/]+|[a-z]+-[\d.]+)\//;
const COOKBOOKS = /(^|\/)cookbooks\//;
const READS_NODE = /<%=?[^%]*\b(node\s*[[.]|new_resource\b)/;

export const chef: LanguageDescriptor = {
  id: 'chef',
  name: 'Chef',
  ...LANGUAGE_FILES.chef,
  filesDescription: 'Ruby (.rb)',
  namedFilesDescription: 'Berksfile, data bag item, Chef role, environment or node',
  unitDescription: 'a Chef cookbook',
  parse: (path, source) => {
    if (JSON_FILE.test(path))
      return isRoleFile(path) ? parseRoleJson(path, source) : parseDataBagItem(path, source);
    if (isBerksfile(path)) return parseDependencyFile(path, source, 'berksfile');
    return parseChef(path, source);
  },
  grammar: { load: initChefParser, reads: (path) => !JSON_FILE.test(path) },
  recognition,
  // Templates under a cookbook (`templates/default/`), or ERB that reads node attributes; ERB's
  // expressions are Ruby, written as the `#{...}` interpolation Chef's strings use.
  templates: {
    syntaxes: ['erb', 'none'],
    ownsByPath: (path) => COOKBOOK_LAYOUT.test(path) || COOKBOOKS.test(path),
    ownsByContent: (content) => READS_NODE.test(content),
    layoutSign: /^(.*?)(?:^|\/)(?:recipes\/[^/]+\.rb|metadata\.rb)$/,
    destinations: chefDestinations,
    interpolate: () => (code) => `#{${code}}`,
  },
  variables,
  reach: chefReach,
};
