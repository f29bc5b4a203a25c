import { setImmediate } from 'node:timers/promises';

/**
 * Lets pending events (webhooks, `/healthz`) through between steps that each take a while on a
 * change with tens of thousands of findings, so that no single review holds the thread.
 */
export function yieldToEvents(): Promise<void> {
  return setImmediate();
}
