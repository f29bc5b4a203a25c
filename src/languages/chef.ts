import { initChefParser, parseChef } from '../parsers/chef/parse-chef.js';
import type { LanguageDescriptor } from './language.js';

export const chef: LanguageDescriptor = {
  id: 'chef',
  name: 'Chef',
  extensions: ['.rb'],
  parse: parseChef,
  init: initChefParser,
  templated: /#\{/,
  definitionFolders: new Set(['attributes']),
};
