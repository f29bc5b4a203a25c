/**
 * V8 settings for the WebAssembly grammars (shell, Ruby, templates), to apply before any grammar
 * is compiled: as the server starts, and as the CLI first analyses (`cli/analysis-settings.ts`).
 * V8 otherwise compiles each grammar twice: once to run at once, then again, optimised, on
 * background threads. For grammars that parse thousands of small inputs the second compilation
 * costs more than it saves: on kubespray it was about a quarter of the CPU of a scan and 50 MiB
 * of memory, for identical output. Both settings are needed; either alone changes nothing.
 */
import { requireOnDemand } from './require-on-demand.js';

/** Loaded when the settings are applied: a CLI run that analyses nothing needs none of it. */
const v8 = requireOnDemand<typeof import('node:v8')>('node:v8');

export function settleWebAssemblyTiers(): void {
  v8().setFlagsFromString('--no-wasm-dynamic-tiering');
  v8().setFlagsFromString('--no-wasm-tier-up');
}
