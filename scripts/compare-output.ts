/**
 * `npm run compare:output -- --base <git ref>`: whether this checkout's CLI prints the same JSON
 * report, byte for byte, as the CLI of an earlier commit, on every project of the shared corpora
 * (../shared/corpus/real/*\/* and the GLITCH oracle's folders). A change meant to make Posture
 * faster must not change a single finding.
 *
 * The earlier commit is checked out in a temporary git worktree under node_modules/.cache/ (so
 * that both use the installed packages) and both are bundled by this checkout's bundler. Exits 1
 * when any report differs, and names the first line that does.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { bundle } from './bundle.js';
import { textTable } from './lib/table.js';

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(projectRoot, '..', 'shared', 'corpus');
const cache = path.join(projectRoot, 'node_modules', '.cache');
const CLI_ONLY = { 'cli/main': 'src/cli/main.ts' };

async function projects(): Promise<string[]> {
  const found: string[] = [];
  for (const corpus of ['real', 'glitch-oracle']) {
    for (const language of ['ansible', 'puppet', 'chef']) {
      const folder = path.join(corpusRoot, corpus, language);
      if (!existsSync(folder)) continue;
      const entries = await readdir(folder, { withFileTypes: true });
      const subfolders = entries.filter((entry) => entry.isDirectory());
      // The real corpora hold one folder per project; an oracle language folder is one corpus.
      if (corpus === 'real')
        found.push(...subfolders.map((entry) => path.join(folder, entry.name)));
      else found.push(folder);
    }
  }
  return found.sort();
}

/** The JSON report of one CLI on one folder (exit 1 only says that there are findings). */
async function report(cli: string, folder: string): Promise<string> {
  try {
    return (
      await run(process.execPath, [cli, 'scan', '.', '--format', 'json'], {
        cwd: folder,
        maxBuffer: 256 * 1024 * 1024,
      })
    ).stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout) return failed.stdout;
    throw new Error(`${cli} on ${folder}: ${failed.stderr ?? String(error)}`, { cause: error });
  }
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, index) => text !== right[index]);
  const at = line < 0 ? left.length : line;
  return `line ${at + 1}: ${JSON.stringify(left[at] ?? '')} vs ${JSON.stringify(right[at] ?? '')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' } }, strict: true });
  if (!values.base) {
    console.error('usage: npm run compare:output -- --base <git ref>');
    process.exitCode = 2;
    return;
  }
  if (!existsSync(corpusRoot)) {
    console.log(`The shared corpora are not at ${corpusRoot}; nothing to compare.`);
    return;
  }
  const { stdout: sha } = await run('git', ['rev-parse', '--verify', `${values.base}^{commit}`], {
    cwd: projectRoot,
  });
  const baseSha = sha.trim();
  const worktree = path.join(cache, `posture-base-${baseSha.slice(0, 12)}`);
  // Inside the worktree: older CLIs read package.json two folders above their module.
  const baseBuild = path.join(worktree, 'dist');
  const headBuild = path.join(cache, 'posture-compare-head');
  await rm(worktree, { recursive: true, force: true });
  await run('git', ['worktree', 'add', '--detach', worktree, baseSha], { cwd: projectRoot });
  try {
    await bundle(baseBuild, CLI_ONLY, worktree);
    await bundle(headBuild, CLI_ONLY);
    const rows: string[][] = [];
    let differing = 0;
    for (const folder of await projects()) {
      const [before, after] = [
        await report(path.join(baseBuild, 'cli', 'main.js'), folder),
        await report(path.join(headBuild, 'cli', 'main.js'), folder),
      ];
      const same = before === after;
      if (!same) differing++;
      const findings = (JSON.parse(after) as { findings: unknown[] }).findings.length;
      rows.push([
        path.relative(corpusRoot, folder),
        String(findings),
        String(Buffer.byteLength(after)),
        same ? 'identical' : `differs at ${firstDifference(before, after)}`,
      ]);
    }
    console.log(`JSON reports of ${baseSha.slice(0, 12)} (before) and this checkout (after)\n`);
    console.log(
      textTable(['corpus', 'findings', 'bytes', 'before vs after'], rows, { rightAligned: [1, 2] }),
    );
    console.log(`\n${rows.length - differing} of ${rows.length} reports byte-identical`);
    if (differing > 0) process.exitCode = 1;
  } finally {
    await run('git', ['worktree', 'remove', '--force', worktree], { cwd: projectRoot }).catch(
      () => undefined,
    );
    await rm(headBuild, { recursive: true, force: true });
  }
}

await main();
