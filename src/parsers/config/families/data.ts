import type { FormatSpec } from '../format-spec.js';

/** Databases and caches: who may connect, and how. */
export const DATA_FORMATS: readonly FormatSpec[] = [];
