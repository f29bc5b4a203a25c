/**
 * One file through the engine: its size, one parse per language its rule passes need, the
 * rules (under the policy's profile), then inline suppressions and waivers. Whatever goes
 * wrong, from a syntax error to a defect in a rule, becomes a `FileError` for this file and
 * never stops the other files.
 */
import type { ParseOutcome } from '../model/parse-outcome.js';
import { unexpectedFileError, type FileError } from '../model/file-error.js';
import { fileSizeError, isTooLarge } from './file-size.js';
import { compareFindings, type Finding } from '../model/finding.js';
import { fingerprintAll } from './fingerprint.js';
import type { FileModel, Language } from '../model/model.js';
import type { FilePlan } from './rule-passes.js';
import { runRules } from './run-rules.js';
import { judgeDeclaredHashes } from './hash-declarations.js';
import type { CrossFile } from './variables/cross-file.js';
import type { SourceFile } from './source-file.js';
import { parseFile } from '../languages/parse-file.js';
import {
  initShellParser,
  shellGrammarLoaded,
  ShellNestingError,
} from '../parsers/shell/parse-shell.js';
import { readsShellWithGrammar } from '../rules/support/commands.js';
import type { Notice } from '../policy/notice.js';
import { applySuppressions } from '../policy/suppressions.js';
import type { EffectivePolicy } from '../policy/types.js';
import { applyWaivers } from '../policy/waivers.js';

export type { SourceFile };

export interface FileContext {
  policy: EffectivePolicy;
  now: Date;
  /** parse the file in the policy's language even when no rule runs on it, for its model */
  wantModel: boolean;
  /** the run's variables across files, and the reports waiting for this file (variables/cross-file.ts) */
  crossFile?: CrossFile;
}

export interface FileOutcome {
  findings: Finding[];
  notices: Notice[];
  /** why the file, or one of its rule passes, could not be analysed */
  error?: FileError;
  /** the file's model in the policy's language, when it parsed */
  model?: FileModel;
}

export async function analyzeFile(
  file: SourceFile,
  plan: FilePlan,
  context: FileContext,
): Promise<FileOutcome> {
  const outcome: FileOutcome = { findings: [], notices: [] };
  const bytes = Buffer.byteLength(file.content, 'utf8');
  if (isTooLarge(bytes)) {
    if (plan.passes.length > 0) outcome.error = fileSizeError(file.path, bytes);
    return outcome;
  }
  const parses = new Map<Language, ParseOutcome>();
  const parse = (language: Language): ParseOutcome => {
    let parsed = parses.get(language);
    if (!parsed) {
      const indexed = context.crossFile?.takeParsed(file, language);
      parsed = indexed ? { ok: true, model: indexed } : parseSafely(file, language);
      parses.set(language, parsed);
    }
    return parsed;
  };

  const lockedIds = new Set<string>();
  for (const pass of plan.passes) {
    const parsed = parse(pass.language);
    if (!parsed.ok) {
      outcome.error ??= parsed.error;
      continue;
    }
    for (const active of pass.rules) if (active.locked) lockedIds.add(active.rule.meta.id);
    try {
      // For a file whose commands need the shell grammar, if the run did not load it first.
      if (!shellGrammarLoaded() && readsShellWithGrammar(parsed.model)) await initShellParser();
      outcome.findings.push(
        ...runRules(parsed.model, pass.rules, context.policy.profile, context.crossFile),
      );
      if (context.crossFile)
        judgeDeclaredHashes(parsed.model, pass.rules, context.policy.profile, context.crossFile);
    } catch (error) {
      outcome.error ??= locate(unexpectedFileError(file.path, error), error, parsed.model);
    }
  }
  if (plan.language && context.wantModel && plan.inScope) {
    const parsed = parse(plan.language);
    if (parsed.ok) outcome.model = parsed.model;
  }

  // A file parsed only for its model had no rules run on it: it has nothing to accept or report.
  const model = plan.passes.length > 0 ? primaryModel(parses, plan.language) : undefined;
  if (model) acceptFindings(outcome, model, context, lockedIds);
  return outcome;
}

/** A parser that throws instead of answering has a defect; the file reports it. */
function parseSafely(file: SourceFile, language: Language): ParseOutcome {
  try {
    return parseFile(file.path, file.content, language, file.deployment);
  } catch (error) {
    return { ok: false, error: unexpectedFileError(file.path, error) };
  }
}

/** The model whose comments carry the file's suppressions: the policy's language's, else any. */
function primaryModel(
  parses: ReadonlyMap<Language, ParseOutcome>,
  language: Language | undefined,
): FileModel | undefined {
  const preferred = language ? parses.get(language) : undefined;
  if (preferred?.ok) return preferred.model;
  for (const parsed of parses.values()) if (parsed.ok) return parsed.model;
  return undefined;
}

/** Inline suppressions, then waivers, which match findings by the fingerprints reports print. */
function acceptFindings(
  outcome: FileOutcome,
  model: FileModel,
  context: FileContext,
  lockedIds: ReadonlySet<string>,
): void {
  outcome.findings.sort(compareFindings);
  outcome.notices.push(
    ...applySuppressions(model, outcome.findings, context.policy.inlineSuppressions, (finding) =>
      lockedIds.has(finding.ruleId),
    ),
  );
  const prints = fingerprintAll(
    outcome.findings,
    (finding) => model.lines[finding.range.line - 1] ?? '',
  );
  const fingerprints = new Map(
    outcome.findings.map((finding, index) => [finding, prints[index] ?? '']),
  );
  applyWaivers(
    outcome.findings,
    context.policy.waivers,
    context.now,
    (finding) => fingerprints.get(finding) ?? '',
  );
}

/** Enough of a command's first line to find it in the file, quoting and escapes aside. */
const LOCATING_PREFIX = 40;

/** A command nested too deeply is found while a rule reads it: point at the line it starts on. */
function locate(error: FileError, cause: unknown, model: FileModel): FileError {
  if (error.line !== undefined || !(cause instanceof ShellNestingError)) return error;
  const start = cause.script.trimStart().split('\n')[0]?.trim().slice(0, LOCATING_PREFIX);
  if (!start) return error;
  const index = model.lines.findIndex((line) => line.includes(start));
  return index < 0 ? error : { ...error, line: index + 1 };
}
