/**
 * How much of the deployed configuration the template and config readers read: every file of
 * the corpora that Posture recognises as a daemon's configuration (a template or a file under
 * `templates/` or `files/`, by its name or by where the project's code deploys it) is parsed; the script prints, per format, how many parsed and how
 * many directives they gave, and each failure with its line and the construct it broke on.
 *
 *   npm run config:coverage                     # the shared real corpora
 *   npm run config:coverage -- DIR...           # other trees
 *
 * Exits 1 when a file fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainRecognition } from '../src/engine/detect-language.js';
import { Deployments } from '../src/engine/deployments.js';
import { deployedConfigFormat } from '../src/parsers/config/formats.js';
import { initParsers, parseFile } from '../src/languages/parse-file.js';

const SHARED = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus');
const DEFAULT_ROOTS = ['ansible', 'puppet', 'chef'].map((language) =>
  join(SHARED, 'real', language),
);

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((entry) => entry !== '.git' && entry !== 'node_modules')
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry)));
}

/** The projects of a corpus folder (each its own repository), or the folder itself. */
function projectsUnder(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return existsSync(root) ? [root] : [];
  const entries = readdirSync(root)
    .sort()
    .map((entry) => join(root, entry))
    .filter((path) => statSync(path).isDirectory());
  return entries.length > 0 ? entries : [root];
}

interface Tally {
  files: number;
  parsed: number;
  directives: number;
  unrecognisedLanguage: number;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const roots = (args.length > 0 ? args : DEFAULT_ROOTS).map((path) => resolve(path));
  if (!roots.some(existsSync)) {
    console.error(`nothing to read: ${roots.join(', ')} not found`);
    return 2;
  }
  await initParsers();
  const tallies = new Map<string, Tally>();
  const failures: string[] = [];
  for (const project of roots.flatMap(projectsUnder)) {
    const paths = filesUnder(project).map((file) => ({
      file,
      path: relative(project, file).split('\\').join('/'),
    }));
    const code = paths
      .filter(({ path }) => /\.(ya?ml|pp|rb)$/i.test(path))
      .map(({ file, path }) => ({ path, content: readFileSync(file, 'utf8') }));
    const deployments = Deployments.index(code);
    for (const { file, path } of paths) {
      const deployment = deployments.of(path);
      const spec = deployedConfigFormat(path, deployment?.destination);
      if (!spec) continue;
      const tally = tallies.get(spec.label) ?? {
        files: 0,
        parsed: 0,
        directives: 0,
        unrecognisedLanguage: 0,
      };
      tallies.set(spec.label, tally);
      tally.files += 1;
      const source = readFileSync(file, 'utf8');
      const language = explainRecognition(path, source, deployment).language;
      if (!language) {
        tally.unrecognisedLanguage += 1;
        continue;
      }
      const outcome = parseFile(path, source, language, deployment);
      if (outcome.ok) {
        tally.parsed += 1;
        tally.directives += outcome.model.config?.directives.length ?? 0;
        continue;
      }
      const line = outcome.error.line;
      const construct =
        line === undefined ? '' : ` — ${source.split('\n')[line - 1]?.trim() ?? ''}`;
      failures.push(
        `${relative(SHARED, file)}:${line ?? '?'} ${outcome.error.message}${construct}`,
      );
    }
  }
  console.log('| format | files | parsed | directives | no deploying language |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `| ${label} | ${tally.files} | ${tally.parsed} | ${tally.directives} | ${tally.unrecognisedLanguage} |`,
    );
  if (failures.length > 0) {
    console.log(`\n${failures.length} files failed:`);
    for (const failure of failures) console.log(`  ${failure}`);
    return 1;
  }
  console.log('\nEvery recognised file parsed.');
  return 0;
}

process.exitCode = await main();
