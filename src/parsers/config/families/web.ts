import type { FormatSpec } from '../format-spec.js';

/** Web servers, proxies and mail servers: where TLS is configured. */
export const WEB_FORMATS: readonly FormatSpec[] = [];
