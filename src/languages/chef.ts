import { initChefParser, parseChef } from '../parsers/chef/parse-chef.js';
import { isDataBagItem, parseDataBagItem } from '../parsers/chef/data-bags.js';
import { dependencyFileOf, parseDependencyFile } from '../parsers/dependencies/dependency-files.js';
import type { LanguageDescriptor } from './language.js';

const JSON_FILE = /\.json$/i;

/** Chef is cookbook Ruby, the JSON of data bag items, and the Berksfile. */
export const chef: LanguageDescriptor = {
  id: 'chef',
  name: 'Chef',
  extensions: ['.rb'],
  namedFiles: (path) => isDataBagItem(path) || dependencyFileOf(path) === 'berksfile',
  parse: (path, source) => {
    if (JSON_FILE.test(path)) return parseDataBagItem(path, source);
    if (dependencyFileOf(path) === 'berksfile')
      return parseDependencyFile(path, source, 'berksfile');
    return parseChef(path, source);
  },
  init: initChefParser,
  templated: /#\{/,
  definitionFolders: new Set(['attributes']),
};
