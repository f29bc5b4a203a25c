#!/usr/bin/env node
/**
 * The `posture` executable as `npm run build` ships it (`dist/cli/main.js`): it runs the CLI
 * program (`main.ts`, bundled as a CommonJS script beside this file) from V8's code cache, so
 * that a start does not compile a megabyte of JavaScript again (see `code-cache.ts`).
 */
// Compiled code is valid only under the V8 flags it was compiled with, and the program sets
// these as it starts: they must be in force before it is compiled, or the cache written at the
// end of a run would not match the flags of the next start.
import '../shared/wasm-settings.js';
import { settleForShortRun } from '../shared/short-run-settings.js';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from '../shared/code-cache.js';

/** The program's file name, which carries a hash of its content; set by `scripts/bundle.ts`. */
declare const POSTURE_CLI_PROGRAM: string;

settleForShortRun();
runWithCodeCache(fileURLToPath(new URL(POSTURE_CLI_PROGRAM, import.meta.url)));
