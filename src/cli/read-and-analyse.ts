/**
 * The part of `posture scan` that needs the engine: read the files the walk found, a group of
 * files that share variables at a time, and analyse them. `scan.ts` loads it only when the walk
 * found a file, so that a scan with nothing to read loads neither the analysis nor the rules' code.
 */
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  analysedLanguage,
  analyzeGroups,
  type AnalysisResult,
  type AnalyzeOptions,
  type AnalyzedFile,
  type SourceFile,
} from '../engine/analyze.js';
import { languageByPath } from '../engine/detect-language.js';
import { fileSizeError, isTooLarge } from '../engine/file-size.js';
import { independentGroups } from '../engine/variables/independent-groups.js';
import { joinGroupsNamingEachOther } from '../engine/variables/joined-groups.js';
import { hasLanguageExtension } from '../languages/files.js';
import type { FileError, Finding } from '../model/finding.js';
import type { Language } from '../model/model.js';
import type { EffectivePolicy } from '../policy/types.js';
import type { Rule } from '../rules/rule.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { settleForAnalysis } from './analysis-settings.js';
import { describeError } from './describe-error.js';
import { readText as readTextFile } from './read-text.js';
import { isRecognised } from './recognised.js';
import { quietly, type FoundFile } from './walk.js';

/**
 * How much of an oversized file is read to decide whether it would have been analysed: the whole
 * file, as the app gives it to the engine, up to this size. Past it, a file with a language's
 * extension that its start does not show to be code is reported too large all the same: its
 * plays may come after any amount of comments.
 */
const RECOGNITION_LIMIT_BYTES = 16 * 1024 * 1024;
/** Files read at once: enough to hide disk latency, few enough to stay far from the descriptor limit. */
const READ_CONCURRENCY = 16;

export interface ReadOptions {
  language?: Language;
  policy?: EffectivePolicy;
  /**
   * The code of the rules to run, asked for once there is a file to analyse; every built-in
   * rule when absent.
   */
  loadRules?: () => Promise<readonly Rule[]>;
  /** reads a whole file as UTF-8; tests replace it to simulate unreadable files */
  readText?: (absolutePath: string) => Promise<string>;
}

/** What reading and analysing the files the walk found gives, before it is merged with the walk's. */
export interface FilesScanned {
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
}

export async function readAndAnalyse(
  found: readonly FoundFile[],
  options: ReadOptions,
): Promise<FilesScanned> {
  settleForAnalysis();
  // Read through the thread pool, a few files at a time. Reading synchronously costs less CPU,
  // but a whole group's text then arrives between two garbage collections, and V8 grows the
  // young generation to hold it: eight kubespray copies peaked 17 MiB higher.
  const readText = options.readText ?? readTextFile;
  const analyzeOptions: AnalyzeOptions = {
    ...(options.language ? { language: options.language } : {}),
    ...(options.loadRules ? { rules: await options.loadRules() } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  };
  const errors: FileError[] = [];
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
          : await readHead(file.absolutePath, RECOGNITION_LIMIT_BYTES).catch(() => '');
        const language =
          analysedLanguage(file.path, head, analyzeOptions) ??
          (file.sizeBytes > RECOGNITION_LIMIT_BYTES && hasLanguageExtension(file.path)
            ? languageByPath(file.path)
            : undefined);
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
    for (const files of groupsToRead(found)) yield await readGroup(files);
  }
  const keepQuoted = (findings: readonly Finding[]) => {
    for (const { path } of findings) {
      const content = group.get(path);
      if (content !== undefined) sources.set(path, content);
    }
  };

  const analysis = await analyzeGroups(readGroups(), analyzeOptions, keepQuoted);
  const result: AnalysisResult = {
    ...analysis,
    errors: [...errors, ...analysis.errors],
    analyzed: [...analysis.analyzed, ...oversized],
  };
  return { result, sources, unrecognised, filesRead, bytesRead };
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

/**
 * The groups to read one after another: the groups the paths allow, joined where a file of one
 * names a path in another (`joined-groups.ts`). A run of one group reads nothing ahead; a run of
 * several reads each file once ahead, synchronously, the cheapest way, and keeps none of it.
 */
function groupsToRead(found: readonly FoundFile[]): FoundFile[][] {
  return joinGroupsNamingEachOther(independentGroups(found), (file) =>
    isTooLarge(file.sizeBytes) ? undefined : quietly(() => readFileSync(file.absolutePath, 'utf8')),
  );
}
