/**
 * V8 settings for the WebAssembly grammars (shell, Ruby, templates), to apply before any grammar
 * is compiled: as the server starts, and as the CLI first analyses (`cli/analysis-settings.ts`).
 * V8 otherwise compiles each grammar twice: once to run at once, then again, optimised, on
 * background threads. For grammars that parse thousands of small inputs the second compilation
 * costs more than it saves: on kubespray it was about a quarter of the CPU of a scan and 50 MiB
 * of memory, for identical output. Both settings are needed; either alone changes nothing.
 */
import { setV8Flags } from './v8-flags.js';

export function settleWebAssemblyTiers(): void {
  setV8Flags('--no-wasm-dynamic-tiering', '--no-wasm-tier-up');
}
