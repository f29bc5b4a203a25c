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
