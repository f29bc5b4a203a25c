/**
 * The `posture` executable: run from the sources as it is, and bundled as the program that
 * `dist/cli/main.js` (`bundled-main.ts`) starts. It has no top-level `await`, so that it can be
 * bundled as a CommonJS script.
 */
import { runCli } from './run-cli.js';
import { standardOutput } from './standard-output.js';

const stdout = standardOutput(1);
const stderr = standardOutput(2);

runCli(process.argv.slice(2), {
  stdout: stdout.output,
  stderr: stderr.output,
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTty: stdout.isTerminal(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    stderr.output.write(`posture: internal error, please report it: ${detail}\n`);
    process.exitCode = 2;
  },
);
