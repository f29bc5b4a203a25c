/**
 * `posture rules`: the catalog and the policy's custom rules, at the severities the policy
 * gives them. The policy is found as `posture scan` finds it, from the current directory.
 */
import path from 'node:path';
import { formatPolicyError } from '../policy/types.js';
import type { RuleMeta } from '../rules/rule.js';
import type { RulesCommand } from './commands.js';
import { effectiveRules } from './effective-rules.js';
import { formatRules } from './format-rules.js';
import { emit, type CliIo } from './io.js';
import { loadPolicyFiles } from './load-policy-files.js';
import { locateRepository, relativePath } from './repository.js';
import type { ExitCode } from './verdict.js';

export async function runRules(
  command: RulesCommand,
  io: CliIo,
  catalog: readonly RuleMeta[],
): Promise<ExitCode> {
  const location = await locateRepository(['.'], io.cwd, {
    findPolicy: command.config === undefined,
  });
  const displayPath = (rootRelative: string) =>
    relativePath(io.cwd, path.resolve(location.root, rootRelative));
  const { policy, errors, applied } = await loadPolicyFiles(command, location, io.cwd);
  const { language } = command;
  const rules = effectiveRules(catalog, policy, io.env['RULE_DOCS_URL']).filter(
    (rule) => !language || rule.meta.languages.includes(language),
  );
  await emit(
    io,
    command.output,
    formatRules({ rules, policies: applied, displayPath }, command.format),
  );
  if (errors.length === 0) return 0;
  io.stderr.write(
    'posture: the policy is invalid; the rules are listed as its valid layers set them\n',
  );
  for (const error of errors)
    io.stderr.write(`${formatPolicyError({ ...error, source: displayPath(error.source) })}\n`);
  return 2;
}
