/**
 * Detection quality on the GLITCH oracle (ASE 2022) in ../shared/corpus/glitch-oracle/,
 * scored line by line and set next to GLITCH's own published figures.
 *
 *   npm run bench:oracle                     all three technologies
 *   npm run bench:oracle -- --tech ansible   one of them
 *   npm run bench:oracle -- --details        every false positive and false negative, with its source line
 *   npm run bench:oracle -- --json | --markdown
 *
 * A finding is a true positive when (tech, path, line, category) is a label, a false positive
 * otherwise; labels nobody found are false negatives. Only the oracle's categories are scored,
 * and findings are deduplicated by (path, line, category) first.
 *
 * The oracle labels GLITCH's smells, so it is scanned with the `glitch` profile: GLITCH's
 * definitions in full, ordinary TODOs and missing default branches included. The default
 * `security` profile reports fewer of them on purpose.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scan } from '../src/cli/scan.js';
import type { Finding } from '../src/model/finding.js';
import type { Language } from '../src/model/model.js';
import { createLineLookup } from '../src/engine/fingerprint.js';
import { defaultPolicy } from '../src/policy/defaults.js';
import type { EffectivePolicy } from '../src/policy/types.js';
import { fixed, markdownTable, textTable, type Cell } from './lib/table.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const oracleRoot = path.resolve(projectRoot, '..', 'shared', 'corpus', 'glitch-oracle');

const TECHS = ['ansible', 'chef', 'puppet'] as const satisfies readonly Language[];
type Tech = (typeof TECHS)[number];

const ORACLE_CATEGORIES = [
  'admin-by-default',
  'empty-password',
  'hard-coded-secret',
  'invalid-ip-binding',
  'suspicious-comment',
  'http-without-tls',
  'missing-integrity-check',
  'weak-crypto',
  'missing-default-case',
] as const;
type OracleCategory = (typeof ORACLE_CATEGORIES)[number];

/** GLITCH's precision, recall and support (label count) for one smell; `undefined` P/R where it published none. */
interface PublishedScore {
  precision: number | undefined;
  recall: number | undefined;
  support: number;
}

/**
 * GLITCH's published precision/recall on this oracle, from the table in
 * ../shared/corpus/glitch-oracle/README.md ("as reported in the SecLLM replication package's
 * results sheet for GLITCH on this oracle"). `null` marks a smell GLITCH does not check for
 * that technology (missing-default-case in Ansible).
 */
const GLITCH: Readonly<Record<Tech, Readonly<Record<OracleCategory, PublishedScore | null>>>> = {
  ansible: {
    'admin-by-default': { precision: 1.0, recall: 1.0, support: 7 },
    'empty-password': { precision: 1.0, recall: 1.0, support: 1 },
    'hard-coded-secret': { precision: 0.42, recall: 1.0, support: 8 },
    'invalid-ip-binding': { precision: 1.0, recall: 1.0, support: 1 },
    'suspicious-comment': { precision: 0.75, recall: 1.0, support: 6 },
    'http-without-tls': { precision: 0.95, recall: 1.0, support: 20 },
    'missing-integrity-check': { precision: 0.0, recall: 0.0, support: 1 },
    'weak-crypto': { precision: undefined, recall: undefined, support: 0 },
    'missing-default-case': null,
  },
  chef: {
    'admin-by-default': { precision: 0.94, recall: 0.41, support: 36 },
    'empty-password': { precision: 1.0, recall: 0.75, support: 4 },
    'hard-coded-secret': { precision: 0.2, recall: 0.69, support: 13 },
    'invalid-ip-binding': { precision: 1.0, recall: 1.0, support: 7 },
    'suspicious-comment': { precision: 0.4, recall: 1.0, support: 4 },
    'http-without-tls': { precision: 0.71, recall: 0.92, support: 13 },
    'missing-integrity-check': { precision: 1.0, recall: 1.0, support: 6 },
    'weak-crypto': { precision: 0.5, recall: 1.0, support: 1 },
    'missing-default-case': { precision: 1.0, recall: 0.95, support: 20 },
  },
  puppet: {
    'admin-by-default': { precision: 0.81, recall: 0.93, support: 14 },
    'empty-password': { precision: 1.0, recall: 1.0, support: 5 },
    'hard-coded-secret': { precision: 0.14, recall: 0.82, support: 11 },
    'invalid-ip-binding': { precision: 1.0, recall: 1.0, support: 6 },
    'suspicious-comment': { precision: 0.39, recall: 1.0, support: 9 },
    'http-without-tls': { precision: 0.45, recall: 1.0, support: 5 },
    'missing-integrity-check': { precision: 0.0, recall: 0.0, support: 1 },
    'weak-crypto': { precision: 0.57, recall: 1.0, support: 4 },
    'missing-default-case': { precision: 0.83, recall: 1.0, support: 10 },
  },
};

interface Label {
  path: string;
  line: number;
  category: OracleCategory;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

interface CategoryScore {
  category: OracleCategory;
  labels: number;
  posture: Score;
  glitch: (Score & { support: number }) | null;
}

interface Miss {
  path: string;
  line: number;
  category: OracleCategory;
  text: string;
  /** for a false positive: the rule and message; for a false negative: what Posture reported on that line instead */
  note: string;
}

interface TechReport {
  tech: Tech;
  supported: boolean;
  filesAnalysed: number;
  filesWithErrors: number;
  categories: CategoryScore[];
  micro: Score;
  glitchMicro: Score;
  falsePositives: Miss[];
  falseNegatives: Miss[];
}

const keyOf = (entry: { path: string; line: number; category: string }) =>
  `${entry.path}\u0000${entry.line}\u0000${entry.category}`;

function isOracleCategory(category: string): category is OracleCategory {
  return (ORACLE_CATEGORIES as readonly string[]).includes(category);
}

function score({ tp, fp, fn }: Counts): Score {
  const precision = tp + fp === 0 ? Number.NaN : tp / (tp + fp);
  const recall = tp + fn === 0 ? Number.NaN : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * GLITCH's counts reconstructed from its P/R and support: TP = R·n, FP = TP/P − TP.
 * Where it published P = 0 (so TP = 0), FP cannot be derived; one false positive is assumed,
 * the least that makes a precision of 0 possible.
 */
function glitchCounts(published: PublishedScore): Counts {
  const { precision, recall, support } = published;
  if (precision === undefined || recall === undefined) return { tp: 0, fp: 0, fn: support };
  const tp = recall * support;
  const fp = precision === 0 ? (tp === 0 ? 1 : Number.NaN) : tp / precision - tp;
  return { tp, fp, fn: support - tp };
}

function sumCounts(counts: readonly Counts[]): Counts {
  return counts.reduce(
    (total, next) => ({ tp: total.tp + next.tp, fp: total.fp + next.fp, fn: total.fn + next.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
}

async function readLabels(): Promise<Map<Tech, Label[]>> {
  const text = await readFile(path.join(oracleRoot, 'labels.csv'), 'utf8');
  const labels = new Map<Tech, Label[]>(TECHS.map((tech) => [tech, []]));
  const seen = new Set<string>();
  for (const row of text.split(/\r?\n/).slice(1)) {
    if (row.trim() === '') continue;
    const [tech, file, line, category] = row.split(',');
    if (!tech || !file || !line || !category) throw new Error(`labels.csv: malformed row "${row}"`);
    if (category === 'none') continue;
    if (!isOracleCategory(category)) throw new Error(`labels.csv: unknown category "${category}"`);
    const list = labels.get(tech as Tech);
    if (!list) throw new Error(`labels.csv: unknown tech "${tech}"`);
    const label: Label = { path: file, line: Number(line), category };
    if (seen.has(`${tech}:${keyOf(label)}`)) continue;
    seen.add(`${tech}:${keyOf(label)}`);
    list.push(label);
  }
  return labels;
}

async function evaluate(tech: Tech, labels: readonly Label[]): Promise<TechReport> {
  const folder = path.join(oracleRoot, tech);
  const outcome = await scan({
    paths: [folder],
    cwd: folder,
    language: tech,
    policy: glitchPolicy(),
    failOn: 'critical',
  });
  const { findings, errors, analyzed } = outcome.result;
  const pathsWithErrors = new Set(errors.map((error) => error.path));
  const supported = !(
    findings.length === 0 &&
    analyzed.length > 0 &&
    analyzed.every((file) => pathsWithErrors.has(file.path))
  );
  const lineText = createLineLookup(outcome.sources);

  const scored = new Map<string, Finding & { category: OracleCategory }>();
  for (const finding of findings) {
    if (!isOracleCategory(finding.category)) continue;
    const key = keyOf({ path: finding.path, line: finding.range.line, category: finding.category });
    if (!scored.has(key)) scored.set(key, { ...finding, category: finding.category });
  }
  const labelKeys = new Set(labels.map(keyOf));

  const falsePositives: Miss[] = [];
  for (const [key, finding] of scored) {
    if (labelKeys.has(key)) continue;
    falsePositives.push({
      path: finding.path,
      line: finding.range.line,
      category: finding.category,
      text: lineText(finding.path, finding.range.line),
      note: `${finding.ruleId}: ${finding.message}`,
    });
  }
  const falseNegatives: Miss[] = labels
    .filter((label) => !scored.has(keyOf(label)))
    .map((label) => ({
      ...label,
      text: lineText(label.path, label.line),
      note: reportedOnLine(findings, label),
    }));

  const categories: CategoryScore[] = [];
  for (const category of ORACLE_CATEGORIES) {
    const published = GLITCH[tech][category];
    const labelCount = labels.filter((label) => label.category === category).length;
    const fp = falsePositives.filter((miss) => miss.category === category).length;
    const fn = falseNegatives.filter((miss) => miss.category === category).length;
    if (published === null && labelCount === 0 && fp === 0) continue;
    categories.push({
      category,
      labels: labelCount,
      posture: score({ tp: labelCount - fn, fp, fn }),
      glitch: published ? { ...score(glitchCounts(published)), support: published.support } : null,
    });
  }
  const published = categories.flatMap((entry) => (entry.glitch ? [entry.glitch] : []));
  return {
    tech,
    supported,
    filesAnalysed: analyzed.length,
    filesWithErrors: pathsWithErrors.size,
    categories,
    micro: score(sumCounts(categories.map((entry) => entry.posture))),
    glitchMicro: score(sumCounts(published)),
    falsePositives: sortMisses(falsePositives),
    falseNegatives: sortMisses(falseNegatives),
  };
}

/** The built-in policy with GLITCH's smell definitions, the ones the oracle's labels follow. */
function glitchPolicy(): EffectivePolicy {
  return { ...defaultPolicy(), profile: 'glitch' };
}

function reportedOnLine(findings: readonly Finding[], label: Label): string {
  const others = findings.filter(
    (finding) => finding.path === label.path && finding.range.line === label.line,
  );
  return others.length === 0
    ? 'nothing reported on this line'
    : `reported instead: ${others.map((finding) => finding.category).join(', ')}`;
}

function sortMisses(misses: Miss[]): Miss[] {
  return misses.sort((a, b) =>
    a.path < b.path
      ? -1
      : a.path > b.path
        ? 1
        : a.line - b.line || (a.category < b.category ? -1 : 1),
  );
}

const HEADER = [
  'category',
  'labels',
  'TP',
  'FP',
  'FN',
  'P',
  'R',
  'F1',
  'GLITCH P',
  'GLITCH R',
  'GLITCH F1',
];
const NUMERIC_COLUMNS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function tableRows(report: TechReport): Cell[][] {
  const row = (name: string, labels: number, posture: Score, glitch: Score | null): Cell[] => [
    name,
    labels,
    posture.tp,
    posture.fp,
    posture.fn,
    fixed(posture.precision, 2),
    fixed(posture.recall, 2),
    fixed(posture.f1, 2),
    glitch ? fixed(glitch.precision, 2) : 'n/a',
    glitch ? fixed(glitch.recall, 2) : 'n/a',
    glitch ? fixed(glitch.f1, 2) : 'n/a',
  ];
  const totalLabels = report.categories.reduce((sum, entry) => sum + entry.labels, 0);
  return [
    ...report.categories.map((entry) =>
      row(entry.category, entry.labels, entry.posture, entry.glitch),
    ),
    row('micro average', totalLabels, report.micro, report.glitchMicro),
  ];
}

function printText(reports: readonly TechReport[], details: boolean): void {
  console.log(
    `GLITCH oracle: ${path.relative(projectRoot, oracleRoot)} (line-level; GLITCH figures from its README)\n`,
  );
  for (const report of reports) {
    const heading = `${report.tech}: ${report.filesAnalysed} files analysed, ${report.filesWithErrors} with errors`;
    if (!report.supported) {
      console.log(
        `${report.tech}: not supported yet (every one of ${report.filesAnalysed} files gave an error); GLITCH micro F1 ${fixed(report.glitchMicro.f1, 2)}\n`,
      );
      continue;
    }
    console.log(`${heading}\n`);
    console.log(textTable(HEADER, tableRows(report), { rightAligned: NUMERIC_COLUMNS }));
    console.log('');
    if (details) printMisses(report);
  }
}

function printMisses(report: TechReport): void {
  for (const [title, misses] of [
    ['false positives', report.falsePositives],
    ['false negatives', report.falseNegatives],
  ] as const) {
    console.log(`${report.tech} ${title} (${misses.length}):`);
    for (const miss of misses) {
      console.log(`  ${miss.path}:${miss.line}  ${miss.category}  ${miss.note}`);
      console.log(`      | ${miss.text.trim()}`);
    }
    console.log('');
  }
}

function printMarkdown(reports: readonly TechReport[]): void {
  for (const report of reports) {
    console.log(`### ${report.tech}\n`);
    if (!report.supported) {
      console.log(`Not supported yet. GLITCH micro F1: ${fixed(report.glitchMicro.f1, 2)}.\n`);
      continue;
    }
    console.log(markdownTable(HEADER, tableRows(report), { rightAligned: NUMERIC_COLUMNS }));
    console.log('');
  }
}

function printJson(reports: readonly TechReport[], details: boolean): void {
  const finite = (value: number) => (Number.isFinite(value) ? Number(value.toFixed(4)) : null);
  const count = (value: number) => (Number.isFinite(value) ? Number(value.toFixed(2)) : null);
  const plain = (entry: Score) => ({
    tp: count(entry.tp),
    fp: count(entry.fp),
    fn: count(entry.fn),
    precision: finite(entry.precision),
    recall: finite(entry.recall),
    f1: finite(entry.f1),
  });
  const output = reports.map(({ falsePositives, falseNegatives, ...report }) => ({
    ...report,
    categories: report.categories.map((entry) => ({
      ...entry,
      posture: plain(entry.posture),
      glitch: entry.glitch ? { ...plain(entry.glitch), support: entry.glitch.support } : null,
    })),
    micro: plain(report.micro),
    glitchMicro: plain(report.glitchMicro),
    ...(details ? { falsePositives, falseNegatives } : {}),
  }));
  console.log(JSON.stringify(output, null, 2));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tech: { type: 'string' },
      details: { type: 'boolean' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
    },
    strict: true,
  });
  if (!existsSync(path.join(oracleRoot, 'labels.csv'))) {
    console.error(
      `bench:oracle: oracle not found at ${oracleRoot}; it is expected at ../shared/corpus/glitch-oracle/`,
    );
    process.exitCode = 1;
    return;
  }
  const techs = values.tech === undefined ? TECHS : TECHS.filter((tech) => tech === values.tech);
  if (techs.length === 0) {
    console.error(`bench:oracle: --tech must be one of ${TECHS.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const labels = await readLabels();
  const reports: TechReport[] = [];
  for (const tech of techs) reports.push(await evaluate(tech, labels.get(tech) ?? []));

  if (values.json) printJson(reports, values.details === true);
  else if (values.markdown) printMarkdown(reports);
  else printText(reports, values.details === true);
}

await main();
