/**
 * `posture config validate`: the same located messages the check run shows, one per line, or
 * as JSON; exit 1 when the file is invalid.
 */
import path from 'node:path';
import { buildPolicy } from '../policy/build-policy.js';
import { formatPolicyError } from '../policy/types.js';
import { toJsonPolicyError } from '../report/json.js';
import type { ValidateConfigCommand } from './commands.js';
import { emit, type CliIo } from './io.js';
import { readPolicy } from './load-policy-files.js';
import { POLICY_FILE, locateRepository } from './repository.js';
import { UsageError } from './usage-error.js';
import type { ExitCode } from './verdict.js';

export async function runValidateConfig(
  command: ValidateConfigCommand,
  io: CliIo,
): Promise<ExitCode> {
  const checked = await readPolicy(await fileToCheck(command, io.cwd), io.cwd, io.cwd);
  const org = command.orgConfig
    ? await readPolicy(path.resolve(io.cwd, command.orgConfig), io.cwd, io.cwd)
    : undefined;
  const { errors } = command.org
    ? buildPolicy({ org: checked })
    : buildPolicy({ ...(org ? { org } : {}), repo: checked });
  if (command.format === 'json') {
    const result = {
      file: checked.source,
      valid: errors.length === 0,
      errors: errors.map((error) => toJsonPolicyError(error)),
    };
    await emit(io, undefined, `${JSON.stringify(result, null, 2)}\n`);
  } else {
    await emit(
      io,
      undefined,
      errors.length === 0
        ? `${checked.source}: valid\n`
        : errors.map((error) => `${formatPolicyError(error)}\n`).join(''),
    );
  }
  return errors.length === 0 ? 0 : 1;
}

/** The file named on the command line, or the nearest `.security.yml` from here up to the repository root. */
async function fileToCheck(command: ValidateConfigCommand, cwd: string): Promise<string> {
  if (command.file !== undefined) return path.resolve(cwd, command.file);
  const { policyFile } = await locateRepository(['.'], cwd, { findPolicy: true });
  if (!policyFile)
    throw new UsageError(
      `no ${POLICY_FILE} between the current directory and the repository root; name the file to check`,
    );
  return policyFile;
}
