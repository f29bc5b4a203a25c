/**
 * `posture scan` from arguments to exit code: locate the repository and its policy, run the
 * selected rules, compare with a baseline or a git revision when asked, print the report.
 */
import path from 'node:path';
import type { AnalyzeOptions, SourceFile } from '../engine/analyze.js';
import { formatPolicyError, type EffectivePolicy } from '../policy/types.js';
import type { ScanReport } from '../report/scan-report.js';
import { settleForAnalysis } from './analysis-settings.js';
import { readBaseline } from './baseline.js';
import type { ScanCommand } from './commands.js';
import { effectiveRules } from './effective-rules.js';
import { emit, useColor, type CliIo } from './io.js';
import { setAsideKnownFindings } from './known-findings.js';
import { loadPolicyFiles } from './load-policy-files.js';
import { packageVersion } from './package-version.js';
import { renderReport } from './render-report.js';
import { locateRepository, relativePath } from './repository.js';
import { selectRules } from './rule-selection.js';
import type { RuleSet } from './rule-set.js';
import { scan, type ScanOptions } from './scan.js';
import { UsageError } from './usage-error.js';
import { failsScan, type ExitCode } from './verdict.js';

export interface ScanDependencies {
  /** the rules to choose among: the built-in ones, or the ones tests bring */
  rules: RuleSet;
  readText?: ScanOptions['readText'];
}

export async function runScan(
  command: ScanCommand,
  io: CliIo,
  dependencies: ScanDependencies,
): Promise<ExitCode> {
  const location = await locateRepository(command.paths, io.cwd, {
    findPolicy: command.config === undefined,
  });
  const displayPath = (rootRelative: string) =>
    relativePath(io.cwd, path.resolve(location.root, rootRelative));
  if (command.diffBase !== undefined && !location.isGitRepository) {
    throw new UsageError(
      `--diff-base needs a git repository, and ${displayPath('.')} is not inside one`,
    );
  }
  const baseline =
    command.baseline === undefined
      ? undefined
      : { file: command.baseline, content: await readBaseline(io.cwd, command.baseline) };
  const loaded = await loadPolicyFiles(command, location, io.cwd);
  const selection = selectRules(dependencies.rules.metas, withProfile(loaded.policy, command), {
    only: command.onlyRules,
    skip: command.skipRules,
  });
  const { policy } = selection;
  const failOn = command.failOn ?? policy.failOn;
  const onUnanalysable = command.onUnanalysable ?? policy.onUnanalysable;
  const selectedIds = new Set(selection.rules.map((meta) => meta.id));
  const loadRules = () => dependencies.rules.load(selectedIds);
  /** Base versions for `--diff-base`, analysed as the scan analyses. */
  const analyzeBase = async (files: readonly SourceFile[]) => {
    settleForAnalysis();
    const { analyze } = await import('../engine/analyze.js');
    const options: AnalyzeOptions = {
      policy,
      rules: await loadRules(),
      ...(command.language ? { language: command.language } : {}),
    };
    return (await analyze(files, options)).findings;
  };

  const outcome = await scan({
    paths: command.paths,
    cwd: io.cwd,
    root: location.root,
    policy,
    loadRules,
    failOn,
    onUnanalysable,
    ...(command.language ? { language: command.language } : {}),
    ...(dependencies.readText ? { readText: dependencies.readText } : {}),
  });
  const { result } = outcome;

  const known = await setAsideKnownFindings({
    findings: result.findings,
    sources: outcome.sources,
    analyze: analyzeBase,
    policy,
    root: location.root,
    cwd: io.cwd,
    ...(command.diffBase !== undefined ? { diffBase: command.diffBase } : {}),
    ...(baseline ? { baseline } : {}),
    ...(command.writeBaseline !== undefined ? { writeBaseline: command.writeBaseline } : {}),
  });

  const report: ScanReport = {
    findings: known.findings,
    errors: result.errors,
    notices: result.notices,
    policyErrors: loaded.errors,
    policies: loaded.applied,
    analyzed: result.analyzed.map((file) => file.path),
    failOn,
    onUnanalysable,
    root: location.root,
    displayPath,
    rules: effectiveRules(selection.rules, policy, io.env['RULE_DOCS_URL']).map(
      (rule) => rule.meta,
    ),
    ...(known.baseline ? { baseline: known.baseline } : {}),
    ...(known.diffBase ? { diffBase: known.diffBase } : {}),
  };
  const color = command.output === undefined && useColor(io);
  await emit(
    io,
    command.output,
    renderReport(report, command.format, { color, toolVersion: packageVersion() }),
  );

  const reportShowsPolicyErrors = command.format === 'text' && command.output === undefined;
  if (loaded.errors.length > 0 && !reportShowsPolicyErrors) {
    io.stderr.write(
      'posture: the policy is invalid, so the scan exits 2; the findings come from its valid layers only\n',
    );
    for (const error of loaded.errors)
      io.stderr.write(`${formatPolicyError({ ...error, source: displayPath(error.source) })}\n`);
  }
  const unrecognised = command.ignoreUnrecognised ? [] : outcome.unrecognised;
  if (unrecognised.length > 0) {
    // Loaded here: only a scan that read a file can have one to explain, and the readers that
    // explain it are loaded by then.
    const { describeUnrecognised } = await import('./unrecognised.js');
    for (const file of unrecognised) {
      io.stderr.write(
        `posture: ${describeUnrecognised(file, displayPath(file), outcome.sources.get(file) ?? '')}\n`,
      );
    }
  }

  if (loaded.errors.length > 0 || unrecognised.length > 0) return 2;
  return failsScan(report.findings, report.errors, failOn, onUnanalysable) ? 1 : 0;
}

/** `--profile` overrides the profile the policy files set. */
function withProfile(policy: EffectivePolicy, command: ScanCommand): EffectivePolicy {
  return command.profile === undefined ? policy : { ...policy, profile: command.profile };
}
