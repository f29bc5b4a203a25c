/**
 * The engine's one entry point: source files and a policy in, findings, file errors and
 * policy notices out (and, on request, the parsed models). Pure apart from loading the grammars
 * the files need, once per process; knows nothing about GitHub or the terminal.
 */
import {
  analyzeFile,
  type FileContext,
  type FileOutcome,
  type SourceFile,
} from './analyze-file.js';
import { unexpectedFileError } from '../model/file-error.js';
import { atLeast, compareFindings, isOpen, type Finding, type Severity } from '../model/finding.js';
import type { FileModel, Language } from '../model/model.js';
import { planPasses, type FilePlan } from './rule-passes.js';
import { isTestCode } from '../languages/test-code.js';
import { reportApart } from './report-apart.js';
import { testCodeLanguage } from './detect-language.js';
import { CrossFile } from './variables/cross-file.js';
import { Deployments } from './deployments.js';
import { grammarNeeds, initParsers } from '../languages/parse-file.js';
import { initShellParser } from '../parsers/shell/parse-shell.js';
import { mayNameCommandUnits } from '../rules/support/commands.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { compileCustomRule } from '../policy/custom-rules.js';
import { defaultPolicy } from '../policy/defaults.js';
import type { Notice } from '../policy/notice.js';
import { orgLanguage, policyLanguage } from '../policy/resolve-rules.js';
import type { EffectivePolicy, Threshold } from '../policy/types.js';
import { emptyAnalysis, type AnalysisResult } from './analysis-result.js';

export { MAX_FILE_BYTES } from './file-size.js';
export { compareFindings } from '../model/finding.js';
export type { AnalysisResult, AnalyzedFile } from './analysis-result.js';
export type { SourceFile };

export interface AnalyzeOptions {
  /** treat every file as this language instead of detecting it */
  language?: Language;
  /** the built-in rules to consider (all by default); the policy's custom rules are added */
  rules?: readonly Rule[];
  policy?: EffectivePolicy;
  /** today, for waiver expiry */
  now?: Date;
  /** hand back the parsed models (`models`), so that later steps need not parse again */
  keepModels?: boolean;
}

export async function analyze(
  files: readonly SourceFile[],
  options: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  return analyzeGroups([files], options);
}

/**
 * Analyses groups of files that share no variables (see `variables/independent-groups.ts`) one
 * after another, so that only one group's sources and models are held at a time. `onGroup`
 * hears each group's findings as soon as it is analysed, before the next group is read.
 */
export async function analyzeGroups(
  groups: AsyncIterable<readonly SourceFile[]> | Iterable<readonly SourceFile[]>,
  options: AnalyzeOptions = {},
  onGroup?: (findings: readonly Finding[]) => void,
): Promise<AnalysisResult> {
  const policy = options.policy ?? defaultPolicy();
  const now = options.now ?? new Date();
  const rules = rulesOf(options, policy);
  const result: AnalysisResult = {
    ...emptyAnalysis(policy, now),
    ...(options.keepModels === true ? { models: new Map<string, FileModel>() } : {}),
  };
  for await (const files of groups) {
    const found = result.findings.length;
    await analyzeGroup(files, options, { policy, now, rules }, result);
    onGroup?.(result.findings.slice(found));
  }
  result.findings.sort(compareFindings);
  return result;
}

interface RunSettings {
  policy: EffectivePolicy;
  now: Date;
  rules: readonly Rule[];
}

/** One group's files, analysed together: their variables reach one another. */
async function analyzeGroup(
  files: readonly SourceFile[],
  options: AnalyzeOptions,
  { policy, now, rules }: RunSettings,
  result: AnalysisResult,
): Promise<void> {
  const wantModel = options.keepModels === true;
  // Templates and files the code deploys: where they land, and which language deploys them.
  const deployments = Deployments.index(files);
  const annotated = files.map((file) => withDeployment(file, deployments));
  // Which rules read each file in which language, decided once per file.
  const plans = new Map<SourceFile, FilePlan>();
  const planOf = (file: SourceFile): FilePlan => {
    let plan = plans.get(file);
    if (!plan) {
      const hint = languageHint(file, options, policy);
      plan = planPasses(policy, rules, file.path, file.content, hint, file.deployment);
      plans.set(file, plan);
    }
    return plan;
  };
  const ignored = (file: SourceFile) => policy.testCode === 'ignore' && isTestCode(file.path);
  const languageOf = (file: SourceFile) => (ignored(file) ? undefined : planOf(file).language);
  const read = annotated.map((file) => ({
    path: file.path,
    content: file.content,
    language: languageOf(file),
  }));
  await initParsers(grammarNeeds(read));
  // The shell grammar loads on demand (analyze-file.ts), but here, before any file is parsed,
  // where a file names a unit that runs commands: loaded halfway through a large run, while its
  // heap is large, it left the peak memory of eight kubespray copies anywhere from 142 to 159 MiB.
  if (read.some(({ content, language }) => language && mayNameCommandUnits(content, language)))
    await initShellParser();
  // Variables across files: definition files are indexed first and analysed last (variables/cross-file.ts).
  // A file no language claims, which a play names as its vars file, is read as that play's.
  const adopt = (file: SourceFile, language: Language): Language | undefined => {
    if (ignored(file)) return undefined;
    const plan = planPasses(policy, rules, file.path, file.content, language, file.deployment);
    plans.set(file, plan);
    return plan.language;
  };
  const crossFile = CrossFile.prepare(annotated, languageOf, adopt);
  for (const file of crossFile.analysisOrder()) {
    if (ignored(file)) continue;
    const testCode = isTestCode(file.path);
    const plan = planOf(file);
    if (!plan.language) continue;
    if (plan.passes.length === 0 && !(wantModel && plan.inScope)) continue;
    if (plan.passes.length > 0) result.analyzed.push({ path: file.path, language: plan.language });
    const analysed = await analyzeFileSafely(file, plan, { policy, now, wantModel, crossFile });
    const outcome = testCode && policy.testCode === 'report' ? reportApart(analysed) : analysed;
    if (outcome.error) result.errors.push(outcome.error);
    if (outcome.model) result.models?.set(file.path, outcome.model);
    for (const notice of outcome.notices) result.notices.push(notice);
    for (const finding of outcome.findings) result.findings.push(finding);
  }
}

function withDeployment(file: SourceFile, deployments: Deployments): SourceFile {
  const deployment = file.deployment ?? deployments.of(file.path);
  return deployment ? { ...file, deployment } : file;
}

/** Suppressions, waivers and fingerprints run after the rules; a defect there too stays with its file. */
async function analyzeFileSafely(
  file: SourceFile,
  plan: FilePlan,
  context: FileContext,
): Promise<FileOutcome> {
  try {
    return await analyzeFile(file, plan, context);
  } catch (error) {
    return { findings: [], notices: [], error: unexpectedFileError(file.path, error) };
  }
}

/**
 * The language `analyze` would read a file in with these options, or undefined when no rule
 * would run on it; judged from its path and its content, of which the start is enough.
 */
export function analysedLanguage(
  path: string,
  content: string,
  options: AnalyzeOptions = {},
): Language | undefined {
  const policy = options.policy ?? defaultPolicy();
  if (policy.testCode === 'ignore' && isTestCode(path)) return undefined;
  const plan = planPasses(
    policy,
    rulesOf(options, policy),
    path,
    content,
    languageHint({ path, content }, options, policy),
  );
  return plan.passes.length > 0 ? plan.language : undefined;
}

/**
 * The language a file is read in when its path alone does not say: the one the caller forces,
 * else, for a cookbook kept under a test folder that the policy's `paths.languages` do not
 * place, Chef.
 */
function languageHint(
  file: SourceFile,
  options: AnalyzeOptions,
  policy: EffectivePolicy,
): Language | undefined {
  if (options.language) return options.language;
  if (policyLanguage(policy, file.path) || orgLanguage(policy, file.path)) return undefined;
  return testCodeLanguage(file.path, file.content);
}

function rulesOf(options: AnalyzeOptions, policy: EffectivePolicy): Rule[] {
  return [...(options.rules ?? RULES), ...policy.customRules.map(compileCustomRule)];
}

/** The models an analysis run with `keepModels` kept; asking for them otherwise is a defect of the caller. */
export function keptModels(result: AnalysisResult): ReadonlyMap<string, FileModel> {
  if (!result.models)
    throw new Error('the analysis did not keep its models; pass keepModels: true');
  return result.models;
}

/** Whether an open finding (in production code, neither waived nor suppressed) is at or above the threshold. */
export function reachesThreshold(
  findings: readonly Finding[],
  threshold: Severity | Threshold,
): boolean {
  if (threshold === 'none') return false;
  return findings.some((finding) => isOpen(finding) && atLeast(finding.severity, threshold));
}

export type { FileModel, Notice };
