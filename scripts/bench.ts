/**
 * Two benchmarks:
 * - GitHub API calls per review: the real server reviews pull requests of 1, 10, 100 and 1,000
 *   changed files served by the local GitHub stand-in, next to the naive count (2 + 2 per file);
 * - throughput and memory of `posture scan` on the real-world corpora in ../shared/corpus/real/,
 *   next to a bare YAML parse of the same Ansible files.
 *
 *   npm run bench                 both tables, throughput as medians of 3 runs
 *   npm run bench -- --json       the same figures as JSON
 *   npm run bench -- --runs 5
 *   npm run bench -- --only api   (or --only throughput)
 *
 * Every throughput run is a fresh child process, so that peak RSS belongs to that run alone. Wall
 * time covers walking, reading and analysing (or parsing) inside the child, not process start-up.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { scan } from '../src/cli/scan.js';
import { walk } from '../src/cli/walk.js';
import { countReviewApiCalls, type ReviewApiCalls } from '../test/support/review-api-calls.js';
import { fixed, median, textTable } from './lib/table.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(projectRoot, '..', 'shared', 'corpus', 'real');
const LANGUAGE_FOLDERS = ['ansible', 'puppet', 'chef'] as const;
const MEBIBYTE = 1024 * 1024;
const API_BENCH_FILE_COUNTS = [1, 10, 100, 1000];

type WorkerKind = 'posture' | 'bare-yaml';

/** What one child process measured. */
interface RunFigures {
  filesRead: number;
  filesAnalysed: number;
  findings: number;
  errors: number;
  bytesRead: number;
  wallMs: number;
  peakRssMiB: number;
}

interface BenchRow extends RunFigures {
  name: string;
  folder: string;
  runs: number;
  filesPerSecond: number;
  mibPerSecond: number;
}

async function measurePosture(folder: string): Promise<RunFigures> {
  const started = performance.now();
  const outcome = await scan({ paths: [folder], cwd: folder, failOn: 'high' });
  const wallMs = performance.now() - started;
  return {
    filesRead: outcome.filesRead,
    filesAnalysed: outcome.result.analyzed.length,
    findings: outcome.result.findings.length,
    errors: outcome.result.errors.length,
    bytesRead: outcome.bytesRead,
    wallMs,
    peakRssMiB: peakRssMiB(),
  };
}

async function measureBareYaml(folder: string): Promise<RunFigures> {
  const started = performance.now();
  const { files } = await walk([folder], { cwd: folder, accept: (file) => /\.ya?ml$/i.test(file) });
  let bytesRead = 0;
  let errors = 0;
  for (const file of files) {
    const content = await readFile(file.absolutePath, 'utf8');
    bytesRead += file.sizeBytes;
    if (
      parseAllDocuments(content, { prettyErrors: false }).some(
        (document) => document.errors.length > 0,
      )
    )
      errors++;
  }
  const wallMs = performance.now() - started;
  return {
    filesRead: files.length,
    filesAnalysed: files.length,
    findings: 0,
    errors,
    bytesRead,
    wallMs,
    peakRssMiB: peakRssMiB(),
  };
}

function peakRssMiB(): number {
  return (process.resourceUsage().maxRSS * 1024) / MEBIBYTE;
}

function runChild(kind: WorkerKind, folder: string): Promise<RunFigures> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, script, '--worker', kind, '--folder', folder],
      { maxBuffer: 16 * MEBIBYTE },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${kind} run on ${folder} failed: ${stderr.trim() || error.message}`));
        else resolve(JSON.parse(stdout) as RunFigures);
      },
    );
  });
}

async function benchmark(
  name: string,
  kind: WorkerKind,
  folder: string,
  runs: number,
): Promise<BenchRow> {
  const results: RunFigures[] = [];
  for (let run = 0; run < runs; run++) results.push(await runChild(kind, folder));
  const medianOf = (pick: (figures: RunFigures) => number) => median(results.map(pick));
  const figures: RunFigures = {
    filesRead: medianOf((figures) => figures.filesRead),
    filesAnalysed: medianOf((figures) => figures.filesAnalysed),
    findings: medianOf((figures) => figures.findings),
    errors: medianOf((figures) => figures.errors),
    bytesRead: medianOf((figures) => figures.bytesRead),
    wallMs: medianOf((figures) => figures.wallMs),
    peakRssMiB: medianOf((figures) => figures.peakRssMiB),
  };
  const seconds = figures.wallMs / 1000;
  return {
    name,
    folder: path.relative(projectRoot, folder).split(path.sep).join('/'),
    runs,
    ...figures,
    filesPerSecond: figures.filesRead / seconds,
    mibPerSecond: figures.bytesRead / MEBIBYTE / seconds,
  };
}

function printTable(rows: readonly BenchRow[], ratio: number | undefined): void {
  const header = [
    'corpus',
    'files read',
    'analysed',
    'findings',
    'errors',
    'MiB',
    'wall ms',
    'files/s',
    'MiB/s',
    'peak RSS MiB',
  ];
  const body = rows.map((row) => [
    row.name,
    row.filesRead,
    row.filesAnalysed,
    row.findings,
    row.errors,
    fixed(row.bytesRead / MEBIBYTE, 2),
    fixed(row.wallMs, 0),
    fixed(row.filesPerSecond, 0),
    fixed(row.mibPerSecond, 2),
    fixed(row.peakRssMiB, 0),
  ]);
  console.log(
    `Posture scan on ${path.relative(projectRoot, corpusRoot)} (median of ${rows[0]?.runs ?? 0} runs, one process per run)\n`,
  );
  console.log(textTable(header, body, { rightAligned: [1, 2, 3, 4, 5, 6, 7, 8, 9] }));
  if (ratio !== undefined)
    console.log(`\nPosture / bare YAML parse on ansible (wall time): ${fixed(ratio, 2)}×`);
}

interface ApiCallFigures {
  tasks: ReviewApiCalls[];
  variables: ReviewApiCalls[];
}

async function measureApiCalls(): Promise<ApiCallFigures> {
  const figures: ApiCallFigures = { tasks: [], variables: [] };
  for (const files of API_BENCH_FILE_COUNTS) {
    figures.tasks.push(await countReviewApiCalls(files, 'tasks'));
    figures.variables.push(await countReviewApiCalls(files, 'variables'));
  }
  return figures;
}

function printApiCalls({ tasks, variables }: ApiCallFigures): void {
  printTaskApiCalls(tasks);
  console.log(
    'The same when each change is a role default that an unchanged template reads: the review reads the\ntree once and the files the change reaches (budget: 5 + 2⌈changed/100⌉ + ⌈beyond/250⌉ + ⌈annotations/50⌉)\n',
  );
  const header = ['changed files', 'read beyond the diff', 'annotations', 'calls', 'budget'];
  const body = variables.map((row) => [
    row.files,
    row.beyond,
    row.annotations,
    row.total,
    row.budget,
  ]);
  console.log(textTable(header, body, { rightAligned: [0, 1, 2, 3, 4] }));
  console.log('');
}

function printTaskApiCalls(rows: readonly ReviewApiCalls[]): void {
  console.log(
    'GitHub API calls per review, against the local GitHub stand-in (token requests excluded)\n',
  );
  const header = [
    'changed files',
    'calls',
    'REST',
    'GraphQL',
    'naive (2 + 2/file)',
    'calls / naive',
  ];
  const body = rows.map((row) => [
    row.files,
    row.total,
    row.rest,
    row.graphql,
    row.naive,
    `${fixed(row.total / row.naive, 3)}×`,
  ]);
  console.log(textTable(header, body, { rightAligned: [0, 1, 2, 3, 4, 5] }));
  const largest = rows.at(-1);
  if (largest) {
    console.log(`\nWhere the calls of the ${largest.files}-file review go:`);
    for (const [endpoint, count] of Object.entries(largest.byEndpoint))
      console.log(`  ${String(count).padStart(4)}  ${endpoint}`);
  }
  console.log('');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      runs: { type: 'string' },
      only: { type: 'string' },
      worker: { type: 'string' },
      folder: { type: 'string' },
    },
    strict: true,
  });

  if (values.worker !== undefined) {
    const folder = values.folder ?? '';
    const figures =
      values.worker === 'bare-yaml' ? await measureBareYaml(folder) : await measurePosture(folder);
    process.stdout.write(JSON.stringify(figures));
    return;
  }

  if (values.only !== undefined && values.only !== 'api' && values.only !== 'throughput') {
    console.error('bench: --only takes api or throughput');
    process.exitCode = 2;
    return;
  }
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs must be a positive integer');
    process.exitCode = 2;
    return;
  }
  const apiCalls =
    values.only === 'throughput' ? { tasks: [], variables: [] } : await measureApiCalls();
  if (values.only === 'api') {
    if (values.json) console.log(JSON.stringify({ apiCalls }, null, 2));
    else printApiCalls(apiCalls);
    return;
  }
  if (!values.json && apiCalls.tasks.length > 0) printApiCalls(apiCalls);

  if (!existsSync(corpusRoot)) {
    console.error(
      `bench: corpus not found at ${corpusRoot}; it is expected at ../shared/corpus/real/ next to the project`,
    );
    process.exitCode = 1;
    return;
  }

  const rows: BenchRow[] = [];
  for (const language of LANGUAGE_FOLDERS) {
    const folder = path.join(corpusRoot, language);
    if (existsSync(folder)) rows.push(await benchmark(language, 'posture', folder, runs));
  }
  const ansibleFolder = path.join(corpusRoot, 'ansible');
  let ratio: number | undefined;
  if (existsSync(ansibleFolder)) {
    const bare = await benchmark('ansible: bare YAML parse', 'bare-yaml', ansibleFolder, runs);
    rows.push(bare);
    const posture = rows.find((row) => row.name === 'ansible');
    if (posture) ratio = posture.wallMs / bare.wallMs;
  }

  if (values.json)
    console.log(
      JSON.stringify(
        { apiCalls, corpus: corpusRoot, runs, rows, postureToBareYamlRatio: ratio ?? null },
        null,
        2,
      ),
    );
  else printTable(rows, ratio);
}

await main();
