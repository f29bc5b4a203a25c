/**
 * The body of an analysis worker thread: one change in (both versions of the changed files and
 * the policy texts), its evaluation out. Parsing and rules run here, never on the thread that
 * answers webhooks.
 */
import { Piscina } from 'piscina';
import { analyze } from '../engine/analyze.js';
import { evaluateChange, type ChangeInputs } from '../review/evaluate-change.js';
import { packEvaluation, type PackedEvaluation } from './evaluation-transfer.js';

export interface AnalysisTask {
  inputs: ChangeInputs;
  /** ISO time: waivers expire against it */
  now: string;
}

export default async function evaluateInWorker(task: AnalysisTask): Promise<PackedEvaluation> {
  const packed = packEvaluation(
    await evaluateChange(
      task.inputs,
      (files, options) => analyze(files, options),
      new Date(task.now),
    ),
  );
  // The findings' buffer changes hands instead of being copied.
  const movable = {
    [Piscina.transferableSymbol]: [packed.findings.buffer],
    [Piscina.valueSymbol]: packed,
  };
  return Piscina.move(
    movable as unknown as Parameters<typeof Piscina.move>[0],
  ) as unknown as PackedEvaluation;
}
