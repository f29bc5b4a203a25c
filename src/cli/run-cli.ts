/**
 * The whole CLI as a function: arguments and streams in, exit code out.
 * `main.ts` binds it to the process; tests call it directly.
 */
import type { Rule } from '../rules/rule.js';
import { parseCommand } from './args.js';
import { helpText } from './help.js';
import type { CliIo } from './io.js';
import { packageVersion } from './package-version.js';
import { BUILT_IN_RULES, ruleSetOf } from './rule-set.js';
import { runRules } from './run-rules.js';
import { runScan, type ScanDependencies } from './run-scan.js';
import { UsageError } from './usage-error.js';
import { runValidateConfig } from './validate-config.js';
import type { ExitCode } from './verdict.js';

export type { CliIo } from './io.js';
export type { ExitCode } from './verdict.js';

export interface CliDependencies {
  rules?: readonly Rule[];
  readText?: ScanDependencies['readText'];
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  dependencies: CliDependencies = {},
): Promise<ExitCode> {
  const rules = dependencies.rules ? ruleSetOf(dependencies.rules) : BUILT_IN_RULES;
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(helpText(command.topic));
        return 0;
      case 'version':
        io.stdout.write(`${packageVersion()}\n`);
        return 0;
      case 'review':
        // loaded on demand: the GitHub client is not part of a scan's start-up
        return await (await import('./run-review.js')).runReview(command, io);
      case 'rules':
        return await runRules(command, io, rules.metas);
      case 'scan':
        return await runScan(command, io, {
          rules,
          ...(dependencies.readText ? { readText: dependencies.readText } : {}),
        });
      case 'config validate':
        return await runValidateConfig(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`posture: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
