/**
 * An evaluation on its way from an analysis thread to the thread that answers webhooks. A change
 * can carry tens of thousands of findings; copied as objects, they would arrive in one piece and
 * hold that thread for a third of a second. So the findings travel as one buffer of JSON lines and
 * are read back in slices, yielding between them, while the rest of the evaluation (small)
 * travels as it is.
 */
import { setImmediate } from 'node:timers/promises';
import type { FingerprintedFinding } from '../engine/diff-findings.js';
import type { ChangeEvaluation } from '../review/evaluate-change.js';

export interface PackedEvaluation {
  rest: Omit<ChangeEvaluation, 'added' | 'existing' | 'fixed'>;
  /** the added, existing and fixed findings, one JSON line each, in that order */
  findings: Uint8Array;
  counts: { added: number; existing: number; fixed: number };
}

/** How long the reader works before it lets other events through. */
const SLICE_MS = 4;

export function packEvaluation(evaluation: ChangeEvaluation): PackedEvaluation {
  const { added, existing, fixed, ...rest } = evaluation;
  const lines = [...added, ...existing, ...fixed].map((item) => JSON.stringify(item)).join('\n');
  return {
    rest,
    findings: new TextEncoder().encode(lines),
    counts: { added: added.length, existing: existing.length, fixed: fixed.length },
  };
}

export async function unpackEvaluation(packed: PackedEvaluation): Promise<ChangeEvaluation> {
  const total = packed.counts.added + packed.counts.existing + packed.counts.fixed;
  const items: FingerprintedFinding[] = [];
  if (total > 0) {
    const text = new TextDecoder().decode(packed.findings);
    let start = 0;
    let sliceStarted = performance.now();
    while (start <= text.length && items.length < total) {
      const end = text.indexOf('\n', start);
      const stop = end === -1 ? text.length : end;
      items.push(JSON.parse(text.slice(start, stop)) as FingerprintedFinding);
      start = stop + 1;
      if (performance.now() - sliceStarted > SLICE_MS) {
        await setImmediate();
        sliceStarted = performance.now();
      }
    }
  }
  const { added: addedCount, existing: existingCount } = packed.counts;
  return {
    ...packed.rest,
    added: items.slice(0, addedCount),
    existing: items.slice(addedCount, addedCount + existingCount),
    fixed: items.slice(addedCount + existingCount),
  };
}
