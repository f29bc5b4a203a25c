/**
 * The engine's one entry point: source files in, findings and file errors out.
 * Pure apart from loading the shell grammar once; knows nothing about GitHub or the terminal.
 */
import { atLeast, type FileError, type Finding, type Severity } from './finding.js';
import type { FileModel, Language } from './model.js';
import { detectLanguage } from './detect-language.js';
import { parseFile } from '../parsers/index.js';
import { initShellParser } from '../parsers/shell/parse-shell.js';
import { runRules } from './run-rules.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';

/** Files above this size get an error instead of an analysis. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SourceFile {
  /** relative path with forward slashes; used for language detection and in findings */
  path: string;
  content: string;
}

export interface AnalyzeOptions {
  /** treat every file as this language instead of detecting it */
  language?: Language;
  rules?: readonly Rule[];
}

export interface AnalyzedFile {
  path: string;
  language: Language;
}

export interface AnalysisResult {
  findings: Finding[];
  errors: FileError[];
  /** the files that were recognised and analysed (with or without findings) */
  analyzed: AnalyzedFile[];
}

export async function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  await initShellParser();
  const rules = options.rules ?? RULES;
  const result: AnalysisResult = { findings: [], errors: [], analyzed: [] };
  for (const file of files) {
    const outcome = analyzeOne(file, rules, options.language);
    if (!outcome) continue;
    result.analyzed.push({ path: file.path, language: outcome.language });
    result.findings.push(...outcome.findings);
    result.errors.push(...outcome.errors);
  }
  result.findings.sort(compareFindings);
  return result;
}

function analyzeOne(
  file: SourceFile,
  rules: readonly Rule[],
  forced: Language | undefined,
): { language: Language; findings: Finding[]; errors: FileError[] } | undefined {
  const language = detectLanguage(file.path, file.content, forced);
  if (!language) return undefined;
  const bytes = Buffer.byteLength(file.content, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    const size = (bytes / (1024 * 1024)).toFixed(1);
    return {
      language,
      findings: [],
      errors: [{ path: file.path, message: `file is ${size} MiB; Posture analyses files up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB` }],
    };
  }
  const parsed = parseFile(file.path, file.content, language);
  if (!parsed.ok) return { language, findings: [], errors: [parsed.error] };
  return { language, findings: runRules(parsed.model, rules), errors: [] };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.path.localeCompare(b.path) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function reachesThreshold(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some((finding) => atLeast(finding.severity, threshold));
}

export type { FileModel };
