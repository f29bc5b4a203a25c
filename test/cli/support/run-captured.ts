/** Runs the CLI function in-process and captures what it writes. */
import { runCli, type CliDependencies, type ExitCode } from '../../../src/cli/run-cli.js';

export interface CapturedRun {
  exitCode: ExitCode;
  stdout: string;
  stderr: string;
}

export interface CaptureOptions extends CliDependencies {
  env?: Record<string, string | undefined>;
  stdoutIsTty?: boolean;
}

export async function runCaptured(
  argv: readonly string[],
  cwd: string,
  options: CaptureOptions = {},
): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const { env = {}, stdoutIsTty = false, ...dependencies } = options;
  const exitCode = await runCli(
    argv,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd,
      env,
      stdoutIsTty,
    },
    dependencies,
  );
  return { exitCode, stdout, stderr };
}
