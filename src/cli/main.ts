#!/usr/bin/env node
/** The `posture` executable. */
// First: the WebAssembly settings must be in place before any grammar is compiled.
import '../shared/wasm-settings.js';
import { settleForShortRun } from '../shared/short-run-settings.js';
import { runCli } from './run-cli.js';
import { stopWritingOnClosedPipe } from './closed-pipe.js';

settleForShortRun();
const stdout = stopWritingOnClosedPipe(process.stdout);
const stderr = stopWritingOnClosedPipe(process.stderr);

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout,
    stderr,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
  });
} catch (error) {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(`posture: internal error, please report it: ${detail}\n`);
  process.exitCode = 2;
}
