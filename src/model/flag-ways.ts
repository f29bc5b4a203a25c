/**
 * Ways of flags (`FlagWays`) joined as conditions nest: something under an outer condition of
 * some ways, and an inner one of others, is written in each pairing of them. Readers stop at
 * `MAX_FLAG_WAYS`, past which they leave a condition unread rather than multiply it.
 */
import type { FlagGuard, FlagWays } from './model.js';

export const MAX_FLAG_WAYS = 16;

/** Each outer way followed by each inner one; undefined past `MAX_FLAG_WAYS`. */
export function joinWays(outer: FlagWays, inner: FlagWays): FlagWays | undefined {
  if (outer.length * inner.length > MAX_FLAG_WAYS) return undefined;
  return outer.flatMap((before) => inner.map((way) => [...before, ...way]));
}

/**
 * Where every way fails: each flag's other answer, read where each way tests one flag and
 * nothing else (where a way needs two, either failing would do); undefined otherwise.
 */
export function everyWayFails(ways: FlagWays): FlagWays | undefined {
  const failing: FlagGuard[] = [];
  for (const way of ways) {
    const [only, ...others] = way;
    if (!only || others.length > 0) return undefined;
    failing.push({ ...only, when: !only.when });
  }
  return [failing];
}
