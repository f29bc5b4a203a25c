import { analyze } from '../../src/engine/analyze.js';
import type { AnalyzeFunction } from '../../src/review/evaluate-change.js';

/**
 * An analysis that, while a hold is set, keeps the reviews that reach it waiting until that hold
 * is released: two reviews can then be made to overlap in a chosen order.
 */
export function heldAnalysis() {
  let current: { released: Promise<void>; reached: () => void } | undefined;
  const analyzeHeld: AnalyzeFunction = async (files, options) => {
    const hold = current;
    if (hold) {
      hold.reached();
      await hold.released;
    }
    return analyze(files, options);
  };
  return {
    analyze: analyzeHeld,
    /** holds the reviews that reach their analysis from now on */
    hold() {
      let release = (): void => undefined;
      let reached = (): void => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      const arrived = new Promise<void>((resolve) => (reached = resolve));
      current = { released, reached };
      return { arrived, release: () => release() };
    },
    stopHolding() {
      current = undefined;
    },
  };
}
