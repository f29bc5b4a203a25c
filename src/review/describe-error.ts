/** Anything shaped like a GitHub token or an Authorization value. */
const SECRET_PATTERNS = [
  /\bgh[pousr]_[A-Za-z0-9_]{16,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{16,}\b/g,
  /\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{16,}/gi,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g,
];

interface HttpErrorShape {
  status?: unknown;
  message?: unknown;
  request?: { method?: unknown; url?: unknown };
}

/**
 * One line saying what went wrong, fit for a check-run summary or a log: the HTTP status and
 * endpoint of a failed GitHub call, or the error's message; credentials are masked.
 */
export function describeError(error: unknown): string {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorShape;
  const message =
    typeof shape.message === 'string' && shape.message !== '' ? shape.message : String(error);
  const method = typeof shape.request?.method === 'string' ? shape.request.method : undefined;
  const url = typeof shape.request?.url === 'string' ? withoutQuery(shape.request.url) : undefined;
  const status = typeof shape.status === 'number' ? shape.status : undefined;
  const prefix =
    status !== undefined && method && url ? `GitHub answered ${status} to ${method} ${url}: ` : '';
  return redactSecrets(`${prefix}${message}`.replace(/\s+/g, ' ').trim());
}

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((masked, pattern) => masked.replace(pattern, '[redacted]'), text);
}

function withoutQuery(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}
