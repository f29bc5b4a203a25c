/**
 * A file Posture could not analyse, and why. The kind lets a front end name the reason
 * ("nested too deeply") and decide what to do about it; the message says it in full, with the
 * limit that was passed, and `line` points at the place when there is one.
 */

export const FILE_ERROR_KINDS = [
  'too-large',
  'too-deep',
  'alias-expansion',
  'syntax',
  'unreadable',
  'timeout',
  'internal',
] as const;
export type FileErrorKind = (typeof FILE_ERROR_KINDS)[number];

export interface FileError {
  path: string;
  kind: FileErrorKind;
  message: string;
  line?: number;
}

/** The reason in a few words, for titles and one-line listings. */
export const FILE_ERROR_REASONS: Readonly<Record<FileErrorKind, string>> = {
  'too-large': 'too large',
  'too-deep': 'nested too deeply',
  'alias-expansion': 'YAML aliases expand too far',
  syntax: 'syntax error',
  unreadable: 'unreadable',
  timeout: 'analysis timed out',
  internal: 'internal error',
};

/**
 * A reason a parser (or a rule reading a parsed file) gives up on a file. Parsers throw it from
 * deep inside and turn it into a `FileError` at their entry point.
 */
export class UnanalysableError extends Error {
  constructor(
    readonly kind: FileErrorKind,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'UnanalysableError';
  }

  toFileError(path: string): FileError {
    return {
      path,
      kind: this.kind,
      message: this.message,
      ...(this.line === undefined ? {} : { line: this.line }),
    };
  }
}

/** V8's message when recursion runs out of stack. */
const STACK_OVERFLOW = /call stack/i;

/**
 * What an exception that escaped the analysis of one file says about that file: running out of
 * stack means the file nests too deeply for some part of Posture; anything else is a defect in
 * Posture, reported on the file instead of stopping the whole analysis.
 */
export function unexpectedFileError(path: string, error: unknown): FileError {
  if (error instanceof UnanalysableError) return error.toFileError(path);
  if (error instanceof RangeError && STACK_OVERFLOW.test(error.message)) {
    return {
      path,
      kind: 'too-deep',
      message: 'the file nests too deeply to analyse (Posture ran out of stack space reading it)',
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return {
    path,
    kind: 'internal',
    message: `Posture failed while analysing this file (please report it): ${reason}`,
  };
}
