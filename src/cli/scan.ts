/**
 * `posture scan`'s core: find the files, read and analyse them, decide the exit code. The
 * reading and the analysis (`read-and-analyse.ts`) are loaded only when the walk found a file.
 */
import { emptyAnalysis, type AnalysisResult } from '../engine/analysis-result.js';
import type { FileError } from '../model/finding.js';
import { LANGUAGES } from '../model/model.js';
import { hasLanguageExtension, LANGUAGE_FILES } from '../languages/files.js';
import { defaultPolicy } from '../policy/defaults.js';
import type { OnUnanalysable, Threshold } from '../policy/types.js';
import { isDeployedFile } from '../parsers/config/formats.js';
import type { FilesScanned, ReadOptions } from './read-and-analyse.js';
import { failsScan } from './verdict.js';
import { compareText, walk } from './walk.js';

export interface ScanOptions extends ReadOptions {
  paths: readonly string[];
  /** the directory the paths are relative to */
  cwd: string;
  /** the directory the paths in the result are relative to (the repository root); `cwd` by default */
  root?: string;
  /** exit 1 when an open finding reaches this; the policy's fail_on otherwise */
  failOn?: Threshold;
  /** whether a file that could not be analysed or read exits 1; the policy's on_unanalysable otherwise */
  onUnanalysable?: OnUnanalysable;
}

export interface ScanOutcome extends FilesScanned {
  exitCode: 0 | 1;
}

export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  // Files with a language's extensions are read, and so are the configuration files a role,
  // module or cookbook deploys, whatever their extension, and the files a language reads by name
  // (`hosts`, `ansible.cfg`, `Puppetfile`, data bag items); with `--lang`, only that language's
  // extensions and names count.
  const languages = options.language ? [options.language] : LANGUAGES;
  const accept = (path: string) =>
    hasLanguageExtension(path, languages) ||
    isDeployedFile(path) ||
    languages.some((language) => LANGUAGE_FILES[language].namedFiles(path));
  const walked = await walk(options.paths, {
    cwd: options.cwd,
    ...(options.root ? { root: options.root } : {}),
    accept,
  });

  const scanned =
    walked.files.length === 0
      ? nothingRead(options)
      : await (await import('./read-and-analyse.js')).readAndAnalyse(walked.files, options);
  const result: AnalysisResult = {
    ...scanned.result,
    errors: [...walked.errors, ...scanned.result.errors].sort(compareErrors),
    analyzed: [...scanned.result.analyzed].sort((a, b) => compareText(a.path, b.path)),
  };
  const failOn = options.failOn ?? options.policy?.failOn ?? 'high';
  const onUnanalysable = options.onUnanalysable ?? options.policy?.onUnanalysable ?? 'fail';
  return {
    ...scanned,
    result,
    exitCode: failsScan(result.findings, result.errors, failOn, onUnanalysable) ? 1 : 0,
  };
}

/** A scan that found no file to read: the policy's own notices, and nothing loaded to analyse. */
function nothingRead(options: ScanOptions): FilesScanned {
  const policy = options.policy ?? defaultPolicy();
  return {
    result: emptyAnalysis(policy, new Date()),
    sources: new Map(),
    unrecognised: [],
    filesRead: 0,
    bytesRead: 0,
  };
}

function compareErrors(a: FileError, b: FileError): number {
  return compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0);
}
