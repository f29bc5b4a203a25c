/**
 * Where a review's analysis runs. On the server: a pool of worker threads (piscina), each task
 * with a time limit and each thread with a memory limit, so that a hostile or huge change can
 * neither block webhooks and `/healthz` nor take the process down. Tests and the CLI can run it
 * in the calling thread instead.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AnalyzeFunction, ChangeAnalyzer } from '../review/evaluate-change.js';
import { evaluateChange } from '../review/evaluate-change.js';
import type { AnalysisTask } from './analysis-worker.js';
import { unpackEvaluation, type PackedEvaluation } from './evaluation-transfer.js';

export interface AnalysisPoolOptions {
  /** worker threads; by default one less than the cores, at least one */
  threads?: number;
  /** the longest one change's analysis may take */
  timeLimitMs: number;
  /** the heap one worker thread may use */
  memoryLimitMb: number;
}

/** Why an analysis did not produce an evaluation, in words for the check run. */
export class AnalysisLimitError extends Error {
  constructor(
    readonly limit: 'time' | 'memory',
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisLimitError';
  }
}

export function defaultAnalysisThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createAnalysisPool(options: AnalysisPoolOptions): ChangeAnalyzer {
  const threads = options.threads ?? defaultAnalysisThreads();
  const filename = workerFile();
  const pool = new Piscina<AnalysisTask, PackedEvaluation>({
    filename,
    // Under tsx (tests, the demo) a thread needs the loader too; the built `.js` needs nothing.
    ...(filename.endsWith('.ts') && !process.execArgv.some((argument) => argument.includes('tsx'))
      ? { execArgv: [...process.execArgv, '--import', 'tsx'] }
      : {}),
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb },
  });
  return {
    async evaluate(inputs, now, signal) {
      const timeLimit = AbortSignal.timeout(options.timeLimitMs);
      const combined = signal ? AbortSignal.any([signal, timeLimit]) : timeLimit;
      try {
        return await unpackEvaluation(
          await pool.run({ inputs, now: now.toISOString() }, { signal: combined }),
        );
      } catch (error) {
        if (timeLimit.aborted && !signal?.aborted) {
          throw new AnalysisLimitError(
            'time',
            `the analysis took longer than ${Math.round(options.timeLimitMs / 1000)} s and was stopped`,
          );
        }
        if (isOutOfMemory(error)) {
          throw new AnalysisLimitError(
            'memory',
            `the analysis needed more than ${options.memoryLimitMb} MiB and was stopped`,
          );
        }
        throw error;
      }
    },
    close: () => pool.destroy(),
  };
}

/** The analysis in the calling thread: for tests (which inject their own rules) and the CLI. */
export function inThreadAnalyzer(analyze: AnalyzeFunction): ChangeAnalyzer {
  return {
    evaluate: (inputs, now) => evaluateChange(inputs, analyze, now),
    close: async () => undefined,
  };
}

/**
 * The worker's module: beside this one under tsx (tests, `npm run demo`); in the bundles, where
 * this code is part of `dist/server/start.js`, the worker is the entry `dist/workers/`.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = here.replace(/analysis-pool\.(ts|js)$/, 'analysis-worker.$1');
  if (sibling !== here) return sibling;
  return fileURLToPath(new URL('../workers/analysis-worker.js', import.meta.url));
}

function isOutOfMemory(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(String(error));
}
