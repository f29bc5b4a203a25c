/**
 * File contents by blob SHA, kept between reviews in this process: a blob's SHA names its
 * content, so a later push (or the base and head of one review) reads an unchanged file without
 * asking GitHub again. Least recently used first out, within a byte budget.
 */
const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;

export class BlobCache {
  private readonly texts = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly budgetBytes = DEFAULT_BUDGET_BYTES) {}

  get(oid: string): string | undefined {
    const text = this.texts.get(oid);
    if (text === undefined) return undefined;
    this.texts.delete(oid);
    this.texts.set(oid, text);
    return text;
  }

  set(oid: string, text: string): void {
    const size = text.length * 2;
    if (size > this.budgetBytes / 8) return;
    const known = this.texts.get(oid);
    if (known !== undefined) {
      this.texts.delete(oid);
      this.bytes -= known.length * 2;
    }
    this.texts.set(oid, text);
    this.bytes += size;
    for (const [oldest, text] of this.texts) {
      if (this.bytes <= this.budgetBytes) break;
      this.texts.delete(oldest);
      this.bytes -= text.length * 2;
    }
  }

  get size(): number {
    return this.texts.size;
  }
}
