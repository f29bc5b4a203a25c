/**
 * V8 flags a process sets for itself. `node:v8` is loaded when flags are first set, not when a
 * module naming them loads: a CLI run that analyses nothing sets none.
 */
import { requireOnDemand } from './require-on-demand.js';

const v8 = requireOnDemand<typeof import('node:v8')>('node:v8');

export function setV8Flags(...flags: readonly string[]): void {
  for (const flag of flags) v8().setFlagsFromString(flag);
}
