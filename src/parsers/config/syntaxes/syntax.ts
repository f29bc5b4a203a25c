/**
 * How the lines of one family of configuration formats are read: where a directive's name
 * ends and its value starts, what a comment is, and which lines open or close a block. One
 * reader per family, not per daemon; what a directive means is left to the rules.
 */

export interface LineSplit {
  name: string;
  /** offsets of the value in the line */
  valueFrom: number;
  valueTo: number;
}

export interface LineReading {
  /** the directive on the line */
  directive?: LineSplit;
  /**
   * The block the following directives are in, when the line changes it: `Match User x`,
   * `mysqld`, `server > location /`; null when the line closes the current block.
   */
  section?: string | null;
}

/** Reads one file's lines in order; it may keep state (nested blocks). */
export interface LineReader {
  read(text: string): LineReading;
}

export interface SyntaxOptions {
  /** keywords that open a block running to the next one (`Match`, `Host`) */
  sections?: readonly string[];
}

export type SyntaxReaderFactory = (options: SyntaxOptions) => LineReader;

/** A comment line; `#{...}` at the start of a line is a Chef template's interpolation. */
export const COMMENT = /^#(?!\{)/;

/** The offset of the first character that is not white space. */
export function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}
