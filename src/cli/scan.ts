/**
 * `posture scan`: find the files, read them, analyse them, decide the exit code.
 */
import { open, readFile } from 'node:fs/promises';
import { analysedLanguage, analyze, reachesThreshold, type AnalysisResult, type AnalyzeOptions, type AnalyzedFile, type SourceFile } from '../engine/analyze.js';
import { fileSizeError, isTooLarge } from '../engine/file-size.js';
import type { FileError } from '../engine/finding.js';
import type { EffectivePolicy, OnUnanalysable, Threshold } from '../policy/types.js';
import type { Language } from '../engine/model.js';
import type { Rule } from '../rules/rule.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { describeError } from './describe-error.js';
import { compareText, walk, type FoundFile } from './walk.js';

/** Extensions worth reading for each language; without `--lang`, all of them. */
export const EXTENSIONS: Readonly<Record<Language, readonly string[]>> = {
  ansible: ['.yml', '.yaml'],
  puppet: ['.pp'],
  chef: ['.rb'],
};

/** How much of an oversized file is read to decide whether it would have been analysed. */
const DETECTION_HEAD_BYTES = 64 * 1024;
/** Files read at once: enough to hide disk latency, few enough to stay far from the descriptor limit. */
const READ_CONCURRENCY = 16;

export interface ScanOptions {
  paths: readonly string[];
  /** the directory output paths are relative to */
  cwd: string;
  language?: Language;
  policy?: EffectivePolicy;
  /** exit 1 when an open finding reaches this; the policy's fail_on otherwise */
  failOn?: Threshold;
  /** whether a file that could not be analysed or read exits 1; the policy's on_unanalysable otherwise */
  onUnanalysable?: OnUnanalysable;
  /** the rule catalog; tests pass their own */
  rules?: readonly Rule[];
  /** reads a whole file as UTF-8; tests replace it to simulate unreadable files */
  readText?: (absolutePath: string) => Promise<string>;
}

export interface ScanOutcome {
  result: AnalysisResult;
  /** the content of every file read, by display path, for fingerprints and snippets */
  sources: ReadonlyMap<string, string>;
  filesRead: number;
  bytesRead: number;
  exitCode: 0 | 1;
}

export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const extensions = options.language ? EXTENSIONS[options.language] : Object.values(EXTENSIONS).flat();
  const accept = (displayPath: string) => extensions.some((extension) => displayPath.toLowerCase().endsWith(extension));
  const walked = await walk(options.paths, { cwd: options.cwd, accept });

  const readText = options.readText ?? ((absolutePath: string) => readFile(absolutePath, 'utf8'));
  const analyzeOptions: AnalyzeOptions = {
    ...(options.language ? { language: options.language } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  };
  const errors: FileError[] = [...walked.errors];
  const oversized: AnalyzedFile[] = [];
  const sourceFiles: SourceFile[] = [];
  let bytesRead = 0;

  const contents = await mapConcurrently(walked.files, READ_CONCURRENCY, async (file) => {
    if (isTooLarge(file.sizeBytes)) return undefined;
    return readText(file.absolutePath).then(
      (content) => ({ content }),
      (error: unknown) => ({ error: `cannot read file: ${describeError(error)}` }),
    );
  });
  for (const [index, file] of walked.files.entries()) {
    const read = contents[index];
    if (read === undefined) {
      const language = await languageOfOversized(file, analyzeOptions);
      if (language) {
        oversized.push({ path: file.displayPath, language });
        errors.push(fileSizeError(file.displayPath, file.sizeBytes));
      }
    } else if ('error' in read) {
      errors.push({ path: file.displayPath, kind: 'unreadable', message: read.error });
    } else {
      sourceFiles.push({ path: file.displayPath, content: read.content });
      bytesRead += file.sizeBytes;
    }
  }

  const analysis = await analyze(sourceFiles, analyzeOptions);
  const result: AnalysisResult = {
    findings: analysis.findings,
    notices: analysis.notices,
    errors: [...errors, ...analysis.errors].sort(compareErrors),
    analyzed: [...analysis.analyzed, ...oversized].sort((a, b) => compareText(a.path, b.path)),
  };
  return {
    result,
    sources: new Map(sourceFiles.map((file) => [file.path, file.content])),
    filesRead: sourceFiles.length,
    bytesRead,
    exitCode: failsScan(result, options) ? 1 : 0,
  };
}

/**
 * The same rule as the check run's: an open finding at the threshold fails, and so does a file
 * Posture should have read but could not, unless `on_unanalysable: warn` says otherwise.
 */
function failsScan(result: AnalysisResult, options: ScanOptions): boolean {
  const onUnanalysable = options.onUnanalysable ?? options.policy?.onUnanalysable ?? 'fail';
  if (onUnanalysable === 'fail' && result.errors.length > 0) return true;
  return reachesThreshold(result.findings, options.failOn ?? options.policy?.failOn ?? 'high');
}

/** The engine's verdict on an oversized file, policy included, from its first bytes only. */
async function languageOfOversized(file: FoundFile, options: AnalyzeOptions): Promise<Language | undefined> {
  const head = options.language ? '' : await readHead(file.absolutePath, DETECTION_HEAD_BYTES).catch(() => '');
  return analysedLanguage(file.displayPath, head, options);
}

async function readHead(absolutePath: string, bytes: number): Promise<string> {
  const handle = await open(absolutePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function compareErrors(a: FileError, b: FileError): number {
  return compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0);
}
