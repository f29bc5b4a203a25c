/**
 * The engine's one entry point: source files and a policy in, findings, file errors and
 * policy notices out. Pure apart from loading the parsers' grammars once; knows nothing
 * about GitHub or the terminal.
 */
import { atLeast, isOpen, type FileError, type Finding, type Severity } from './finding.js';
import type { FileModel, Language } from './model.js';
import { detectLanguage } from './detect-language.js';
import { fingerprint } from './fingerprint.js';
import { runRules } from './run-rules.js';
import { initParsers, parseFile } from '../parsers/index.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { compileCustomRule } from '../policy/custom-rules.js';
import { defaultPolicy } from '../policy/defaults.js';
import type { Notice } from '../policy/notice.js';
import { activeRules, policyLanguage } from '../policy/resolve-rules.js';
import { applySuppressions } from '../policy/suppressions.js';
import type { EffectivePolicy, Threshold } from '../policy/types.js';
import { applyWaivers, expiredWaiverNotices } from '../policy/waivers.js';

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
  /** the built-in rules to consider (all by default); the policy's custom rules are added */
  rules?: readonly Rule[];
  policy?: EffectivePolicy;
  /** today, for waiver expiry */
  now?: Date;
}

export interface AnalyzedFile {
  path: string;
  language: Language;
}

export interface AnalysisResult {
  /** every finding, including waived and suppressed ones (see `status`) */
  findings: Finding[];
  errors: FileError[];
  /** what the policy did that a reviewer should know: unused suppressions, expired waivers */
  notices: Notice[];
  /** the files that were recognised and analysed (with or without findings) */
  analyzed: AnalyzedFile[];
}

export async function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  await initParsers();
  const policy = options.policy ?? defaultPolicy();
  const now = options.now ?? new Date();
  const rules = [...(options.rules ?? RULES), ...policy.customRules.map(compileCustomRule)];
  const result: AnalysisResult = { findings: [], errors: [], notices: expiredWaiverNotices(policy.waivers, now), analyzed: [] };
  for (const file of files) {
    const language = detectLanguage(file.path, file.content, options.language ?? policyLanguage(policy, file.path));
    if (!language) continue;
    const active = activeRules(policy, rules, file.path, language);
    if (active.length === 0) continue;
    result.analyzed.push({ path: file.path, language });
    const outcome = analyzeFile(file, language, active);
    if ('error' in outcome) {
      result.errors.push(outcome.error);
      continue;
    }
    const lockedIds = new Set(active.filter((rule) => rule.locked).map((rule) => rule.rule.meta.id));
    result.notices.push(...applySuppressions(outcome.model, outcome.findings, policy.inlineSuppressions, (finding) => lockedIds.has(finding.ruleId)));
    applyWaivers(outcome.findings, policy.waivers, now, (finding) => fingerprint(finding, outcome.model.lines[finding.range.line - 1] ?? ''));
    result.findings.push(...outcome.findings);
  }
  result.findings.sort(compareFindings);
  return result;
}

function analyzeFile(
  file: SourceFile,
  language: Language,
  active: ReturnType<typeof activeRules>,
): { model: FileModel; findings: Finding[] } | { error: FileError } {
  const bytes = Buffer.byteLength(file.content, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    const size = (bytes / (1024 * 1024)).toFixed(1);
    return { error: { path: file.path, message: `file is ${size} MiB; Posture analyses files up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB` } };
  }
  const parsed = parseFile(file.path, file.content, language);
  if (!parsed.ok) return { error: parsed.error };
  return { model: parsed.model, findings: runRules(parsed.model, active) };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.path.localeCompare(b.path) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Whether an open (not waived or suppressed) finding is at or above the threshold. */
export function reachesThreshold(findings: readonly Finding[], threshold: Severity | Threshold): boolean {
  if (threshold === 'none') return false;
  return findings.some((finding) => isOpen(finding) && atLeast(finding.severity, threshold));
}

export type { FileModel, Notice };
