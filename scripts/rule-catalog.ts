/**
 * `npm run docs:rules`: rewrites the rule catalog and the coverage of the check catalog in
 * README.md from the rules' metadata.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withCatalog } from './lib/rule-catalog.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withCatalog(readFileSync(path, 'utf8')));
console.log('README.md rule catalog and check coverage updated');
