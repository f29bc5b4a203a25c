/** A file-system error in a few words: `EACCES permission denied`, without the path Node appends. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error.message;
  const reason = error.message.replace(/^[A-Z]+:\s*/, '').replace(/,.*$/s, '');
  return `${code} ${reason}`;
}
