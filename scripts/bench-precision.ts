/**
 * `npm run bench:precision`: whether Posture's findings on real code are worth a reviewer's
 * comment. Every project under ../shared/corpus/real is scanned with the CLI, as a user runs it
 * (default policy, security profile), and the findings are matched with the judgements kept in
 * docs/precision/labels.json: each a finding (project, path, line, rule) with a verdict — `worth`
 * (a security reviewer would write this comment), `noise` (defensible, not worth a comment),
 * `wrong` (a false positive) — and a one-line reason.
 *
 *   npm run bench:precision                      precision per rule and language, dev-sec density
 *   npm run bench:precision -- --sample 40       unlabelled findings to judge, stratified by rule
 *                                                and language, drawn at random (--seed N)
 *   npm run bench:precision -- --json
 *
 * Precision counts the labelled findings Posture still reports; unlabelled findings are counted
 * apart (the sample should cover them), and labels whose finding is gone are listed as such.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { fixed, markdownTable, textTable, type Cell } from './lib/table.js';

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(projectRoot, '..', 'shared', 'corpus', 'real');
const labelsFile = path.join(projectRoot, 'docs', 'precision', 'labels.json');
const LANGUAGES = ['ansible', 'puppet', 'chef'] as const;
/** The projects that are secure by design: their findings per 1,000 lines should be near zero. */
const HARDENING_PROJECTS = [
  'ansible/ansible-collection-hardening',
  'puppet/puppet-os-hardening',
  'chef/chef-os-hardening',
];
const CONFIGURATION_FILE = /\.(ya?ml|pp|rb|j2|erb|epp)$/i;
/** The CLI runs in each project's folder, where `tsx` alone would not resolve. */
const TSX_LOADER = import.meta.resolve('tsx');

export type Verdict = 'worth' | 'noise' | 'wrong';

export interface Label {
  /** `<language>/<project>`, a folder of the corpus */
  project: string;
  /** the file, relative to the project */
  path: string;
  line: number;
  rule: string;
  verdict: Verdict;
  reason: string;
}

interface ReportedFinding {
  project: string;
  language: (typeof LANGUAGES)[number];
  path: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
  /** in test or example code: reported apart, outside the verdict */
  testCode: boolean;
}

const { values: options } = parseArgs({
  options: {
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  },
});

if (!existsSync(corpusRoot)) {
  console.log(`The real corpora are not at ${corpusRoot}; nothing to measure.`);
  process.exit(0);
}

const findings = await scanAll();
const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Label[];
const keyOf = (item: { project: string; path: string; line: number; rule: string }) =>
  `${item.project}\0${item.path}\0${item.line}\0${item.rule}`;
const labelled = new Map(labels.map((label) => [keyOf(label), label]));
const reported = new Set(findings.map(keyOf));

if (options.sample) {
  printSample(
    findings.filter((finding) => !labelled.has(keyOf(finding))),
    Number(options.sample),
    Number(options.seed),
  );
} else {
  report();
}

async function scanAll(): Promise<ReportedFinding[]> {
  const all: ReportedFinding[] = [];
  for (const language of LANGUAGES) {
    for (const project of readdirSync(path.join(corpusRoot, language)).sort()) {
      const directory = path.join(corpusRoot, language, project);
      if (!statSync(directory).isDirectory()) continue;
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          TSX_LOADER,
          path.join(projectRoot, 'src/cli/main.ts'),
          'scan',
          '.',
          '--format',
          'json',
          '--on-unanalysable',
          'warn',
        ],
        {
          cwd: directory,
          maxBuffer: 256 * 1024 * 1024,
        },
      ).catch((error: { stdout?: string; code?: number }) => {
        // Exit 1 means findings reached the threshold: the report is still on stdout.
        if (error.code === 1 && error.stdout) return { stdout: error.stdout };
        throw error;
      });
      const result = JSON.parse(stdout) as {
        findings: Array<{
          ruleId: string;
          severity: string;
          path: string;
          line: number;
          message: string;
          status?: string;
          context?: string;
        }>;
      };
      for (const finding of result.findings) {
        // Findings a waiver or a suppression accepted are not comments anyone would read.
        if (finding.status) continue;
        all.push({
          project: `${language}/${project}`,
          language,
          path: finding.path.replace(/^\.\//, ''),
          line: finding.line,
          rule: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          testCode: finding.context === 'test',
        });
      }
    }
  }
  return all;
}

function report(): void {
  const production = findings.filter((finding) => !finding.testCode);
  const testCode = findings.filter((finding) => finding.testCode);
  const present = production.filter((finding) => labelled.has(keyOf(finding)));
  const verdictsOf = (items: readonly ReportedFinding[]) =>
    items.map((item) => labelled.get(keyOf(item))?.verdict);
  const row = (name: string, items: readonly ReportedFinding[], total: number): Cell[] => {
    const verdicts = verdictsOf(items);
    const worth = verdicts.filter((verdict) => verdict === 'worth').length;
    return [
      name,
      total,
      items.length,
      worth,
      verdicts.filter((verdict) => verdict === 'noise').length,
      verdicts.filter((verdict) => verdict === 'wrong').length,
      items.length === 0 ? '–' : fixed(worth / items.length, 2),
    ];
  };
  const header = ['', 'findings', 'labelled', 'worth', 'noise', 'wrong', 'precision'];
  const byRule = [...new Set(production.map((finding) => finding.rule))].sort().map((rule) =>
    row(
      rule,
      present.filter((finding) => finding.rule === rule),
      production.filter((finding) => finding.rule === rule).length,
    ),
  );
  const byLanguage = LANGUAGES.map((language) =>
    row(
      language,
      present.filter((finding) => finding.language === language),
      production.filter((finding) => finding.language === language).length,
    ),
  );
  const all = row('all', present, production.length);
  const testCodeRow = row(
    'test code (reported apart)',
    testCode.filter((finding) => labelled.has(keyOf(finding))),
    testCode.length,
  );
  const density = HARDENING_PROJECTS.map((project) => {
    const lines = countLines(path.join(corpusRoot, project));
    const count = production.filter((finding) => finding.project === project).length;
    return [project, count, lines, fixed((count * 1000) / lines, 2)] as Cell[];
  });
  const stale = labels.filter((label) => !reported.has(keyOf(label)));

  if (options.json) {
    console.log(
      JSON.stringify(
        {
          byRule,
          byLanguage,
          all,
          testCode: testCodeRow,
          density,
          unlabelled: findings.filter((finding) => !labelled.has(keyOf(finding))).length,
          stale: stale.length,
        },
        null,
        2,
      ),
    );
    return;
  }
  const table = options.markdown ? markdownTable : textTable;
  const right = [1, 2, 3, 4, 5, 6];
  console.log(
    `Findings that count, on ../shared/corpus/real, judged as review comments (${present.length} of ${production.length} labelled)\n`,
  );
  console.log(table(['rule', ...header.slice(1)], [...byRule, all], { rightAligned: right }));
  console.log('');
  console.log(
    table(['language', ...header.slice(1)], [...byLanguage, testCodeRow], { rightAligned: right }),
  );
  console.log(
    '\nFindings per 1,000 lines of configuration code on the hardening projects (secure by design):\n',
  );
  console.log(
    table(['project', 'findings', 'lines', 'per 1,000 lines'], density, {
      rightAligned: [1, 2, 3],
    }),
  );
  if (stale.length > 0)
    console.log(
      `\n${stale.length} labelled findings are no longer reported (fixed or removed by rule changes).`,
    );
  const unlabelled = findings.filter((finding) => !labelled.has(keyOf(finding))).length;
  if (unlabelled > 0)
    console.log(`${unlabelled} findings are not labelled; \`--sample N\` lists some to judge.`);
}

function countLines(directory: string): number {
  let lines = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) lines += countLines(full);
    else if (CONFIGURATION_FILE.test(entry.name))
      lines += readFileSync(full, 'utf8').split('\n').length;
  }
  return lines;
}

/** `count` unlabelled findings, taking each (rule, language) stratum in turn, at random within it. */
function printSample(unlabelled: readonly ReportedFinding[], count: number, seed: number): void {
  const random = seededRandom(seed);
  const strata = new Map<string, ReportedFinding[]>();
  for (const finding of unlabelled) {
    const key = `${finding.rule}/${finding.language}${finding.testCode ? '/test' : ''}`;
    strata.set(key, [...(strata.get(key) ?? []), finding]);
  }
  for (const items of strata.values()) shuffle(items, random);
  const picked: ReportedFinding[] = [];
  const order = [...strata.keys()].sort();
  while (picked.length < count && order.some((key) => (strata.get(key)?.length ?? 0) > 0)) {
    for (const key of order) {
      const next = strata.get(key)?.pop();
      if (next && picked.length < count) picked.push(next);
    }
  }
  for (const finding of picked) {
    const source = readFileSync(path.join(corpusRoot, finding.project, finding.path), 'utf8').split(
      '\n',
    );
    const context = source
      .slice(Math.max(0, finding.line - 4), finding.line + 3)
      .map(
        (text, index) =>
          `${Math.max(1, finding.line - 3) + index === finding.line ? '>' : ' '} ${text}`,
      );
    console.log(
      JSON.stringify({
        project: finding.project,
        path: finding.path,
        line: finding.line,
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        ...(finding.testCode ? { testCode: true } : {}),
      }),
    );
    console.log(context.join('\n'));
    console.log('');
  }
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
}
