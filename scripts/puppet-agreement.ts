/**
 * Differential check of Posture's Puppet parser against Puppet's own: runs
 * `puppet parser dump --format json` over the corpora in batches and compares its AST with
 * ours, rendered the same way.
 *
 *   npm run puppet:agreement                     # the default corpora
 *   npm run puppet:agreement -- DIR_OR_FILE...   # other .pp files
 *   npm run puppet:agreement -- --update-fixtures
 *       rewrite the stored expectations of test/parsers/puppet/fixtures/*.pp from Puppet
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PuppetSyntaxError } from '../src/parsers/puppet/errors.js';
import { parseManifest } from '../src/parsers/puppet/parse-puppet.js';
import { toPuppetDump, type PnData } from '../src/parsers/puppet/to-puppet-dump.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARED = resolve(ROOT, '..', 'shared', 'corpus');
const DEFAULT_CORPORA = [join(SHARED, 'real', 'puppet'), join(SHARED, 'glitch-oracle', 'puppet')];
const FIXTURES = join(ROOT, 'test/parsers/puppet/fixtures');
const BATCH = 100;

type Outcome = { ok: true; dump: PnData } | { ok: false; message: string };

function main(): number {
  const args = process.argv.slice(2);
  if (!puppetInstalled()) {
    console.error(
      'puppet is not installed. Install it with: apt-get install -y puppet (Debian/Ubuntu), then run this again.',
    );
    return 2;
  }
  if (args.includes('--update-fixtures')) return updateFixtures();

  const files = (args.length > 0 ? args : DEFAULT_CORPORA).flatMap((path) =>
    manifestsUnder(resolve(path)),
  );
  if (files.length === 0) {
    console.error('no .pp files found');
    return 2;
  }
  const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

  const started = performance.now();
  const ours = new Map(files.map((file) => [file, ourDump(sources.get(file) ?? '')]));
  const elapsed = performance.now() - started;
  const theirs = puppetDumps(files);

  let parsedByUs = 0;
  let parsedByPuppet = 0;
  let agreeing = 0;
  const disagreements: string[] = [];
  const bothRejected: string[] = [];
  let samePosition = 0;
  for (const file of files) {
    const mine = ours.get(file) as Outcome;
    const puppet = theirs.get(file) as Outcome;
    if (mine.ok) parsedByUs += 1;
    if (puppet.ok) parsedByPuppet += 1;
    const name = relative(process.cwd(), file);
    if (!mine.ok && !puppet.ok) {
      agreeing += 1;
      const at = /\(line: \d+, column: \d+\)/;
      if (at.exec(mine.message)?.[0] === at.exec(puppet.message)?.[0]) samePosition += 1;
      bothRejected.push(`  ${name}\n    puppet: ${puppet.message}\n    posture: ${mine.message}`);
    } else if (!mine.ok) {
      disagreements.push(`  ${name}: Puppet parses it, we do not: ${mine.message}`);
    } else if (!puppet.ok) {
      disagreements.push(`  ${name}: we parse it, Puppet does not: ${puppet.message}`);
    } else {
      const path = firstDifference(mine.dump, puppet.dump, '$');
      if (path === undefined) agreeing += 1;
      else disagreements.push(`  ${name}: first difference at ${path}`);
    }
  }

  console.log(`files:                ${files.length}`);
  console.log(
    `parsed by us:         ${parsedByUs} (${elapsed.toFixed(0)} ms, ${Math.round((files.length / elapsed) * 1000)} files/s)`,
  );
  console.log(`parsed by puppet:     ${parsedByPuppet}`);
  console.log(
    `agreeing with puppet: ${agreeing} (${bothRejected.length} of them rejected by both, ${samePosition} at the same position)`,
  );
  if (bothRejected.length > 0) console.log(`rejected by both:\n${bothRejected.join('\n')}`);
  if (disagreements.length > 0)
    console.log(`disagreements: ${disagreements.length}\n${disagreements.join('\n')}`);
  return disagreements.length > 0 ? 1 : 0;
}

function puppetInstalled(): boolean {
  const probe = spawnSync('puppet', ['--version'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

function manifestsUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith('.pp') ? [path] : [];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.pp'))
    .map((entry) => join(path, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}

function ourDump(source: string): Outcome {
  try {
    return { ok: true, dump: toPuppetDump(parseManifest(source).program) };
  } catch (error) {
    if (error instanceof PuppetSyntaxError)
      return { ok: false, message: `${error.message} ${position(source, error.offset)}` };
    throw error;
  }
}

/** `(line: N, column: M)`, as Puppet words an error's position. */
function position(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return `(line: ${before.split('\n').length}, column: ${[...before.slice(lineStart)].length + 1})`;
}

/** Puppet's dumps of many files; a file Puppet rejects is named on stderr and has no dump. */
function puppetDumps(files: string[]): Map<string, Outcome> {
  const results = new Map<string, Outcome>();
  for (let index = 0; index < files.length; index += BATCH) {
    const batch = files.slice(index, index + BATCH);
    const run = runPuppet(batch);
    const accepted = batch.filter((file) => !run.errors.has(file));
    if (run.documents.length === accepted.length) {
      accepted.forEach((file, position) =>
        results.set(file, { ok: true, dump: run.documents[position] as PnData }),
      );
      for (const [file, message] of run.errors) results.set(file, { ok: false, message });
    } else {
      for (const file of batch) {
        const single = runPuppet([file]);
        const dump = single.documents[0];
        results.set(
          file,
          dump !== undefined
            ? { ok: true, dump }
            : { ok: false, message: single.errors.get(file) ?? 'no output' },
        );
      }
    }
  }
  return results;
}

function runPuppet(files: string[]): { documents: PnData[]; errors: Map<string, string> } {
  const run = spawnSync(
    'puppet',
    ['parser', 'dump', '--format', 'json', '--color', 'false', ...files],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  const errors = new Map<string, string>();
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes, which start with \x1b
  const lines = run.stderr.split('\n').map((line) => line.replace(/\x1b\[[0-9;]*m/g, ''));
  lines.forEach((line, position) => {
    const failed = /^Error: --- (.+)$/.exec(line);
    if (failed?.[1]) errors.set(failed[1], (lines[position + 1] ?? '').replace(/^Error: /, ''));
  });
  if (files.length === 1 && run.stdout.trim() === '' && errors.size === 0) {
    errors.set(files[0] as string, run.stderr.trim().split('\n')[0] ?? 'no output');
  }
  return {
    documents: splitJsonDocuments(run.stdout).map((text) => JSON.parse(text) as PnData),
    errors,
  };
}

/** Splits JSON documents printed one after another with no separator. */
function splitJsonDocuments(text: string): string[] {
  const documents: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const ch = text[index];
    if (inString) {
      if (ch === '\\') index += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      if (depth === 0) {
        // a top-level string document (a manifest that is a single string literal)
        const end = closingQuote(text, index);
        documents.push(text.slice(index, end + 1));
        index = end;
        inString = false;
      }
    } else if (ch === '{' || ch === '[') {
      if (depth === 0) start = index;
      depth += 1;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) documents.push(text.slice(start, index + 1));
    } else if (depth === 0 && ch !== undefined && /[-\d\w]/.test(ch)) {
      const scalar = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(text.slice(index));
      if (scalar) {
        documents.push(scalar[0]);
        index += scalar[0].length - 1;
      }
    }
  }
  return documents;
}

function closingQuote(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return text.length - 1;
}

/** The path of the first place where two PN values differ, or undefined when they are equal. */
function firstDifference(ours: PnData, theirs: PnData, path: string): string | undefined {
  if (ours === theirs) return undefined;
  if (typeof ours === 'number' && typeof theirs === 'number')
    return ours === theirs ? undefined : `${path} (${ours} vs ${theirs})`;
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    for (let index = 0; index < Math.max(ours.length, theirs.length); index += 1) {
      if (index >= ours.length || index >= theirs.length)
        return `${path}[${index}] (length ${ours.length} vs ${theirs.length})`;
      const found = firstDifference(
        ours[index] as PnData,
        theirs[index] as PnData,
        `${path}[${index}]`,
      );
      if (found) return found;
    }
    return undefined;
  }
  if (isTagged(ours) && isTagged(theirs)) {
    const tag = '^' in ours ? '^' : '#';
    if (!(tag in theirs)) return `${path} (${describe(ours)} vs ${describe(theirs)})`;
    const a = (ours as Record<string, PnData[]>)[tag] as PnData[];
    const b = (theirs as Record<string, PnData[]>)[tag] as PnData[];
    // A call (`^`) starts with its function's name, a string.
    const [head] = a;
    const name = typeof head === 'string' ? head : JSON.stringify(head);
    const label = tag === '^' ? `${path}.${name}` : path;
    if (tag === '^' && a[0] !== b[0]) return `${path} (${describe(ours)} vs ${describe(theirs)})`;
    return firstDifference(a, b, label);
  }
  return `${path} (${describe(ours)} vs ${describe(theirs)})`;
}

function isTagged(value: PnData): value is { '^': PnData[] } | { '#': PnData[] } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: PnData): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Regenerates each fixture's expectation (`x.pp` → `x.json`) from Puppet's own dump. */
function updateFixtures(): number {
  const fixtures = manifestsUnder(FIXTURES);
  for (const fixture of fixtures) {
    const run = runPuppet([fixture]);
    const dump = run.documents[0];
    if (dump === undefined) {
      console.error(
        `${relative(ROOT, fixture)}: puppet rejects it: ${run.errors.get(fixture) ?? 'no output'}`,
      );
      return 1;
    }
    writeFileSync(fixture.replace(/\.pp$/, '.json'), `${JSON.stringify(dump, null, 1)}\n`);
    console.log(`wrote ${relative(ROOT, fixture.replace(/\.pp$/, '.json'))}`);
  }
  return 0;
}

process.exitCode = main();
