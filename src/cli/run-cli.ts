/**
 * The whole CLI as a function: arguments and streams in, exit code out.
 * `main.ts` binds it to the process; tests call it directly.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { formatJson } from '../report/json.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { createLineLookup } from '../engine/fingerprint.js';
import { parseCommand, type RulesCommand, type ScanCommand, type ValidateConfigCommand } from './args.js';
import { loadPolicyFiles, readPolicy } from './load-policy-files.js';
import { buildPolicy } from '../policy/build-policy.js';
import { formatPolicyError, type PolicyError } from '../policy/types.js';
import { formatRules } from './format-rules.js';
import { HELP } from './help.js';
import { packageVersion } from './package-version.js';
import { scan, type ScanOptions } from './scan.js';
import { UsageError } from './usage-error.js';
import { describeError } from './describe-error.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
}

export interface CliDependencies {
  rules?: readonly Rule[];
  readText?: ScanOptions['readText'];
}

export type ExitCode = 0 | 1 | 2;

export async function runCli(argv: readonly string[], io: CliIo, dependencies: CliDependencies = {}): Promise<ExitCode> {
  const rules = dependencies.rules ?? RULES;
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${packageVersion()}\n`);
        return 0;
      case 'rules':
        await emit(io, command, formatRules(selectRules(rules, command), command.format));
        return 0;
      case 'scan':
        return await runScan(command, io, rules, dependencies);
      case 'config-validate':
        return await validateConfig(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`posture: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** `posture config validate`: the same messages the check run shows, one per line. */
async function validateConfig(command: ValidateConfigCommand, io: CliIo): Promise<ExitCode> {
  const file = await readPolicy(io.cwd, command.file);
  const org = command.orgConfig ? await readPolicy(io.cwd, command.orgConfig) : undefined;
  const { errors } = command.org ? buildPolicy({ org: file }) : buildPolicy({ ...(org ? { org } : {}), repo: file });
  if (errors.length > 0) {
    writePolicyErrors(io, errors, io.stdout);
    return 1;
  }
  io.stdout.write(`${file.source}: valid\n`);
  return 0;
}

function writePolicyErrors(io: CliIo, errors: readonly PolicyError[], stream: CliIo['stdout']): void {
  for (const error of errors) stream.write(`${formatPolicyError(error)}\n`);
}

async function runScan(command: ScanCommand, io: CliIo, rules: readonly Rule[], dependencies: CliDependencies): Promise<ExitCode> {
  const { policy, errors: policyErrors } = await loadPolicyFiles(command, io.cwd, command.paths);
  if (policyErrors.length > 0) {
    io.stderr.write('posture: the policy is invalid; fix it or pass another with --config\n');
    writePolicyErrors(io, policyErrors, io.stderr);
    return 2;
  }
  const outcome = await scan({
    paths: command.paths,
    cwd: io.cwd,
    policy,
    ...(command.failOn ? { failOn: command.failOn } : {}),
    ...(command.onUnanalysable ? { onUnanalysable: command.onUnanalysable } : {}),
    rules,
    ...(command.language ? { language: command.language } : {}),
    ...(dependencies.readText ? { readText: dependencies.readText } : {}),
  });
  const { findings, errors, notices, analyzed } = outcome.result;
  let report: string;
  switch (command.format) {
    case 'json':
      report = formatJson(findings, errors, notices);
      break;
    case 'sarif':
      report = formatSarif({
        findings,
        errors,
        rules: rules.map((rule) => rule.meta),
        toolVersion: packageVersion(),
        lineText: createLineLookup(outcome.sources),
      });
      break;
    case 'text':
      report = formatText(
        { findings, errors, notices, analyzedCount: analyzed.length, onUnanalysable: command.onUnanalysable ?? policy.onUnanalysable },
        { color: !command.output && useColor(io) },
      );
      break;
  }
  await emit(io, command, report);
  return outcome.exitCode;
}

function selectRules(rules: readonly Rule[], command: RulesCommand) {
  const metas = rules.map((rule) => rule.meta);
  const { language } = command;
  return language ? metas.filter((meta) => meta.languages.includes(language)) : metas;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything but '' (no-color.org). */
export function useColor(io: Pick<CliIo, 'env' | 'stdoutIsTty'>): boolean {
  const noColor = io.env['NO_COLOR'];
  return io.stdoutIsTty && (noColor === undefined || noColor === '');
}

async function emit(io: CliIo, command: { output?: string }, text: string): Promise<void> {
  if (!command.output) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(path.resolve(io.cwd, command.output), text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${command.output}: ${describeError(error)}`);
  }
}
