/**
 * How much Chef cookbook Ruby the Chef parser reads: parses every `.rb` file of the corpora and
 * prints how many parsed without a syntax error, each failure with the construct it broke in,
 * what the files yielded, and the speed.
 *
 *   npm run chef:coverage                     # the default corpora
 *   npm run chef:coverage -- DIR_OR_FILE...   # other Ruby files
 *
 * Exits 1 when a file fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileModel } from '../src/model/model.js';
import { initChefParser, isChefCookbookPath, parseChef } from '../src/parsers/chef/parse-chef.js';
import { parseRuby } from '../src/parsers/chef/ruby-parser.js';
import { findSyntaxError } from '../src/parsers/chef/syntax-error.js';

/** The shared corpora beside the project root. */
const SHARED = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus');
const DEFAULT_CORPORA = [join(SHARED, 'real', 'chef'), join(SHARED, 'glitch-oracle', 'chef')];

interface Failure {
  file: string;
  message: string;
  line?: number;
  construct: string;
}

function rubyFilesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return path.endsWith('.rb') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => rubyFilesUnder(join(path, entry)));
}

/** The grammar construct the first syntax error sits in, read again from the raw tree. */
function constructOf(source: string): string {
  const tree = parseRuby(source);
  try {
    return findSyntaxError(tree.rootNode, source)?.construct ?? 'none';
  } finally {
    tree.delete();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const roots = (args.length > 0 ? args : DEFAULT_CORPORA).map((path) => resolve(path));
  const files = roots.flatMap(rubyFilesUnder);
  if (files.length === 0) {
    console.error(`no .rb files found under ${roots.join(', ')}`);
    return 2;
  }
  const sources = files.map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  const bytes = sources.reduce((total, { source }) => total + Buffer.byteLength(source), 0);

  await initChefParser();
  for (const { file, source } of sources) parseChef(file, source);

  const models: FileModel[] = [];
  const failures: Failure[] = [];
  const started = performance.now();
  for (const { file, source } of sources) {
    const outcome = parseChef(file, source);
    if (outcome.ok) models.push(outcome.model);
    else
      failures.push({
        file,
        message: outcome.error.message,
        ...(outcome.error.line ? { line: outcome.error.line } : {}),
        construct: '',
      });
  }
  const seconds = (performance.now() - started) / 1000;
  for (const failure of failures)
    failure.construct = constructOf(readFileSync(failure.file, 'utf8'));

  const cookbookFiles = sources.filter(({ file, source }) =>
    isChefCookbookPath(file, source),
  ).length;
  const units = models.flatMap((model) => model.units);
  const variables = models.flatMap((model) => model.variables);
  const types = new Set(units.map((unit) => unit.type));
  const percent = ((100 * models.length) / files.length).toFixed(1);

  console.log(`Chef parser coverage over ${roots.join(', ')}`);
  console.log(
    `  files:                 ${files.length} (${cookbookFiles} cookbook code by isChefCookbookPath)`,
  );
  console.log(`  parsed without error:  ${models.length} (${percent}%)`);
  console.log(`  failures:              ${failures.length}`);
  for (const failure of failures) {
    const where = failure.line
      ? `${relative(process.cwd(), failure.file)}:${failure.line}`
      : relative(process.cwd(), failure.file);
    console.log(`    ${where}  ${failure.message}  [in ${failure.construct}]`);
  }
  console.log(`  resources:             ${units.length} (${types.size} types)`);
  console.log(
    `  variables:             ${variables.length} (${variables.filter((variable) => variable.scope === 'attribute').length} node attributes)`,
  );
  console.log(
    `  comments, conditions:  ${sum(models, (model) => model.comments.length)}, ${sum(models, (model) => model.conditions.length)}`,
  );
  console.log(
    `  speed:                 ${Math.round(files.length / seconds)} files/s (${(seconds * 1000).toFixed(0)} ms for ${(bytes / 1024).toFixed(0)} KiB)`,
  );
  return failures.length > 0 ? 1 : 0;
}

function sum(models: FileModel[], count: (model: FileModel) => number): number {
  return models.reduce((total, model) => total + count(model), 0);
}

process.exitCode = await main();
