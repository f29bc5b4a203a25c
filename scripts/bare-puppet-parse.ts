/**
 * The Puppet yardstick of `npm run bench`: every `.pp` file under a folder read and parsed to
 * its syntax tree by Posture's own lexer and parser (`parseManifest`), and nothing else: no
 * model, no variables, no templates, no rules. Bundled and run as its own process, like the CLI
 * it is compared with, and reading each file synchronously, as the YAML yardstick does
 * (`bare-parse.ts`).
 *
 *   node bare-puppet-parse.js <folder>      prints the manifests parsed and those with syntax errors
 */
import { readFileSync } from 'node:fs';
import { parseManifest } from '../src/parsers/puppet/parse-puppet.js';
import { PuppetSyntaxError } from '../src/parsers/puppet/errors.js';
import { walk } from '../src/cli/walk.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: bare-puppet-parse <folder>');
  process.exit(2);
}

const { files } = await walk([folder], { cwd: folder, accept: (file) => file.endsWith('.pp') });
let withErrors = 0;
for (const file of files) {
  try {
    parseManifest(readFileSync(file.absolutePath, 'utf8'));
  } catch (error) {
    if (!(error instanceof PuppetSyntaxError)) throw error;
    withErrors++;
  }
}
console.log(`${files.length} Puppet manifests parsed, ${withErrors} with syntax errors`);
