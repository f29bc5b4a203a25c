/**
 * The body of an analysis worker thread: one change in (both versions of the changed files and
 * the policy texts), its evaluation out. Parsing and rules run here, never on the thread that
 * answers webhooks.
 */
import { analyze } from '../engine/analyze.js';
import { evaluateChange, type ChangeEvaluation, type ChangeInputs } from '../review/evaluate-change.js';

export interface AnalysisTask {
  inputs: ChangeInputs;
  /** ISO time: waivers expire against it */
  now: string;
}

export default function evaluateInWorker(task: AnalysisTask): Promise<ChangeEvaluation> {
  return evaluateChange(task.inputs, (files, options) => analyze(files, options), new Date(task.now));
}
