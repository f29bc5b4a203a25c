/**
 * The yardstick of `npm run bench`: every `.yml`/`.yaml` file under a folder read and parsed
 * with the `yaml` library exactly as Posture's YAML reader sets it up (its composer options:
 * YAML 1.1 with the loaders' booleans, merge keys, application tags; positions through a line
 * counter), and nothing else. Bundled and run as its own process, like
 * the CLI it is compared with. Files are read synchronously, the cheapest way in CPU (a promise
 * per file cost about a quarter of a second more on kubespray), so that the yardstick holds no
 * work a parse does not need.
 *
 *   node bare-parse.js <folder>      prints the files parsed and those with syntax errors
 */
import { readFileSync } from 'node:fs';
import { Composer, LineCounter, Parser } from 'yaml';
import { walk } from '../src/cli/walk.js';
import { COMPOSER_OPTIONS } from '../src/parsers/yaml/parse-yaml.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: bare-parse <folder>');
  process.exit(2);
}

const { files } = await walk([folder], { cwd: folder, accept: (file) => /\.ya?ml$/i.test(file) });
let withErrors = 0;
for (const file of files) {
  const text = readFileSync(file.absolutePath, 'utf8');
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const composer = new Composer(COMPOSER_OPTIONS);
  const documents = Array.from(composer.compose(tokens, true, text.length));
  if (documents.some((document) => document.errors.length > 0)) withErrors++;
}
console.log(`${files.length} YAML files parsed, ${withErrors} with syntax errors`);
