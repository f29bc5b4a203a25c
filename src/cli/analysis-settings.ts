/**
 * V8's settings for the analysis of a command-line run (`src/shared/wasm-settings.ts`,
 * `src/shared/short-run-settings.ts`), applied when the run first analyses rather than as it
 * starts: a scan with nothing to read needs none of them, and without setting them (nor loading
 * `node:v8`) an empty scan costs 0.90× side by side. The code cache, which V8 checks against its
 * flags, is written before they change, if this run is to write it.
 */
import { writeCodeCacheBeforeFlagsChange } from '../shared/code-cache.js';
import { settleForShortRun } from '../shared/short-run-settings.js';
import { settleWebAssemblyTiers } from '../shared/wasm-settings.js';

let settled = false;

export function settleForAnalysis(): void {
  if (settled) return;
  settled = true;
  writeCodeCacheBeforeFlagsChange();
  settleWebAssemblyTiers();
  settleForShortRun();
}
