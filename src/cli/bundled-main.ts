#!/usr/bin/env node
/**
 * The `posture` executable as `npm run build` ships it (`dist/cli/main.js`): it runs the CLI
 * program (`main.ts`, bundled as a CommonJS script beside this file) from V8's code cache, so
 * that a start does not compile a megabyte of JavaScript again (see `code-cache.ts`).
 *
 * The cache is compiled and read under V8's default flags: the program changes them only when
 * it first analyses (`analysis-settings.ts`), after the cache is written if this run writes it.
 */
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from '../shared/code-cache.js';

/** The program's file name, which carries a hash of its content; set by `scripts/bundle.ts`. */
declare const POSTURE_CLI_PROGRAM: string;

runWithCodeCache(fileURLToPath(new URL(POSTURE_CLI_PROGRAM, import.meta.url)));
