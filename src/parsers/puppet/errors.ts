/** A lexical or syntax error, at an offset into the file's source. */
export class PuppetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PuppetSyntaxError';
  }
}

/** Nesting past what Posture reads; a syntax error for the parser's control flow, `too-deep` for the report. */
export class PuppetNestingError extends PuppetSyntaxError {
  constructor(message: string, offset: number) {
    super(message, offset);
    this.name = 'PuppetNestingError';
  }
}
