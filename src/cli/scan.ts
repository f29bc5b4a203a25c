/**
 * `posture scan`'s core: find the files, read them, analyse them, decide the exit code.
 */
import { open, readFile } from 'node:fs/promises';
import {
  analysedLanguage,
  analyze,
  type AnalysisResult,
  type AnalyzeOptions,
  type AnalyzedFile,
  type SourceFile,
} from '../engine/analyze.js';
import { fileSizeError, isTooLarge } from '../engine/file-size.js';
import type { FileError } from '../engine/finding.js';
import { LANGUAGES, type Language } from '../engine/model.js';
import { descriptorOf } from '../languages/index.js';
import type { EffectivePolicy, OnUnanalysable, Threshold } from '../policy/types.js';
import { isDeployedFile } from '../parsers/config/formats.js';
import type { Rule } from '../rules/rule.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { describeError } from './describe-error.js';
import { isRecognised } from './unrecognised.js';
import { failsScan } from './verdict.js';
import { compareText, walk } from './walk.js';

/**
 * Extensions worth reading for each language; without `--lang`, all of them. Configuration
 * files a role, module or cookbook deploys are read whatever their extension, and so are the
 * files a language reads by name (`hosts`, `ansible.cfg`, `Puppetfile`, data bag items).
 */
export const EXTENSIONS: Readonly<Record<Language, readonly string[]>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, descriptorOf(language).extensions]),
) as Record<Language, readonly string[]>;

/** How much of an oversized file is read to decide whether it would have been analysed. */
const DETECTION_HEAD_BYTES = 64 * 1024;
/** Files read at once: enough to hide disk latency, few enough to stay far from the descriptor limit. */
const READ_CONCURRENCY = 16;

export interface ScanOptions {
  paths: readonly string[];
  /** the directory the paths are relative to */
  cwd: string;
  /** the directory the paths in the result are relative to (the repository root); `cwd` by default */
  root?: string;
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
  /** the content of every file read, by path, for fingerprints and snippets */
  sources: ReadonlyMap<string, string>;
  /** files named on the command line that Posture does not read as any language */
  unrecognised: string[];
  filesRead: number;
  bytesRead: number;
  exitCode: 0 | 1;
}

export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const extensions = options.language
    ? EXTENSIONS[options.language]
    : Object.values(EXTENSIONS).flat();
  const descriptors = (options.language ? [options.language] : LANGUAGES).map(descriptorOf);
  const accept = (path: string) =>
    extensions.some((extension) => path.toLowerCase().endsWith(extension)) ||
    isDeployedFile(path) ||
    descriptors.some((descriptor) => descriptor.namedFiles(path));
  const walked = await walk(options.paths, {
    cwd: options.cwd,
    ...(options.root ? { root: options.root } : {}),
    accept,
  });

  const readText = options.readText ?? ((absolutePath: string) => readFile(absolutePath, 'utf8'));
  const analyzeOptions: AnalyzeOptions = {
    ...(options.language ? { language: options.language } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  };
  const errors: FileError[] = [...walked.errors];
  const oversized: AnalyzedFile[] = [];
  const sourceFiles: SourceFile[] = [];
  const unrecognised: string[] = [];
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
      const head = options.language
        ? ''
        : await readHead(file.absolutePath, DETECTION_HEAD_BYTES).catch(() => '');
      const language = analysedLanguage(file.path, head, analyzeOptions);
      if (language) {
        oversized.push({ path: file.path, language });
        errors.push(fileSizeError(file.path, file.sizeBytes));
      } else if (file.explicit && !isRecognised(file.path, head, analyzeOptions)) {
        unrecognised.push(file.path);
      }
    } else if ('error' in read) {
      errors.push({ path: file.path, kind: 'unreadable', message: read.error });
    } else {
      sourceFiles.push({ path: file.path, content: read.content });
      bytesRead += file.sizeBytes;
      if (file.explicit && !isRecognised(file.path, read.content, analyzeOptions))
        unrecognised.push(file.path);
    }
  }

  const analysis = await analyze(sourceFiles, analyzeOptions);
  const result: AnalysisResult = {
    findings: analysis.findings,
    notices: analysis.notices,
    errors: [...errors, ...analysis.errors].sort(compareErrors),
    analyzed: [...analysis.analyzed, ...oversized].sort((a, b) => compareText(a.path, b.path)),
  };
  const failOn = options.failOn ?? options.policy?.failOn ?? 'high';
  const onUnanalysable = options.onUnanalysable ?? options.policy?.onUnanalysable ?? 'fail';
  return {
    result,
    sources: new Map(sourceFiles.map((file) => [file.path, file.content])),
    unrecognised,
    filesRead: sourceFiles.length,
    bytesRead,
    exitCode: failsScan(result.findings, result.errors, failOn, onUnanalysable) ? 1 : 0,
  };
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
