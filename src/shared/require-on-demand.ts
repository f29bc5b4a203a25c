/**
 * A package required from node_modules the first time it is used, not when the module naming it
 * loads: start-up stays small for the runs that never need it (a scan without a policy needs no
 * schema validator and no regular-expression engine). Its CommonJS build is used, so the
 * callers can stay synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function requireOnDemand<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
