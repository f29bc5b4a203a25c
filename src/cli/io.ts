/** What a CLI run talks to: its output streams, working directory and environment. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from './describe-error.js';
import { UsageError } from './usage-error.js';

export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything but '' (no-color.org). */
export function useColor(io: Pick<CliIo, 'env' | 'stdoutIsTty'>): boolean {
  const noColor = io.env['NO_COLOR'];
  return io.stdoutIsTty && (noColor === undefined || noColor === '');
}

/** A report goes to `--output FILE` when there is one, else to stdout. */
export async function emit(io: CliIo, output: string | undefined, text: string): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(path.resolve(io.cwd, output), text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${describeError(error)}`);
  }
}
