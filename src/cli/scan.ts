/**
 * `posture scan`'s core: find the files, read them, analyse them, decide the exit code.
 */
import { open } from 'node:fs/promises';
import {
  analysedLanguage,
  analyzeGroups,
  type AnalysisResult,
  type AnalyzeOptions,
  type AnalyzedFile,
  type SourceFile,
} from '../engine/analyze.js';
import { fileSizeError, isTooLarge } from '../engine/file-size.js';
import type { FileError, Finding } from '../model/finding.js';
import { LANGUAGES, type Language } from '../model/model.js';
import { independentGroups } from '../engine/variables/independent-groups.js';
import { descriptorOf } from '../languages/index.js';
import type { EffectivePolicy, OnUnanalysable, Threshold } from '../policy/types.js';
import { isDeployedFile } from '../parsers/config/formats.js';
import type { Rule } from '../rules/rule.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { describeError } from './describe-error.js';
import { readText as readTextFile } from './read-text.js';
import { isRecognised } from './unrecognised.js';
import { failsScan } from './verdict.js';
import { compareText, walk, type FoundFile } from './walk.js';

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
  /**
   * The content of the files the report quotes, by path: every file with a finding (for
   * fingerprints and the lines `--diff-base` compares) and every file named on the command line.
   * The others are let go once their group is analysed, so memory does not grow with the tree.
   */
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

  // Read through the thread pool, a few files at a time. Reading synchronously costs less CPU,
  // but a whole group's text then arrives between two garbage collections, and V8 grows the
  // young generation to hold it: eight kubespray copies peaked 17 MiB higher.
  const readText = options.readText ?? readTextFile;
  const analyzeOptions: AnalyzeOptions = {
    ...(options.language ? { language: options.language } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  };
  const errors: FileError[] = [...walked.errors];
  const oversized: AnalyzedFile[] = [];
  const unrecognised: string[] = [];
  // The text of the files the report quotes: those with findings, and those named explicitly.
  const sources = new Map<string, string>();
  let filesRead = 0;
  let bytesRead = 0;
  let group: ReadonlyMap<string, string> = new Map();

  /** Reads one group of files, keeping what the analysis of the group needs. */
  const readGroup = async (files: readonly FoundFile[]): Promise<SourceFile[]> => {
    // The previous group's text is no longer needed: let it go before this group's is read.
    group = new Map();
    const contents = await mapConcurrently(files, READ_CONCURRENCY, async (file) => {
      if (isTooLarge(file.sizeBytes)) return undefined;
      return readText(file.absolutePath).then(
        (content) => ({ content }),
        (error: unknown) => ({ error: `cannot read file: ${describeError(error)}` }),
      );
    });
    const sourceFiles: SourceFile[] = [];
    for (const [index, file] of files.entries()) {
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
        filesRead += 1;
        bytesRead += file.sizeBytes;
        if (file.explicit) {
          sources.set(file.path, read.content);
          if (!isRecognised(file.path, read.content, analyzeOptions)) unrecognised.push(file.path);
        }
      }
    }
    group = new Map(sourceFiles.map((file) => [file.path, file.content]));
    return sourceFiles;
  };
  async function* readGroups(): AsyncGenerator<SourceFile[]> {
    for (const files of independentGroups(walked.files)) yield await readGroup(files);
  }
  const keepQuoted = (findings: readonly Finding[]) => {
    for (const { path } of findings) {
      const content = group.get(path);
      if (content !== undefined) sources.set(path, content);
    }
  };

  const analysis = await analyzeGroups(readGroups(), analyzeOptions, keepQuoted);
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
    sources,
    unrecognised,
    filesRead,
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
