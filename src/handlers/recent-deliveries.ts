/**
 * The webhook deliveries this process has handled, by `X-GitHub-Delivery` id: a redelivery keeps
 * its id, so it is recognised and dropped. Bounded, oldest forgotten first. It does not survive a
 * restart; the check runs on GitHub do (see `previous-runs.ts`).
 */
export class RecentDeliveries {
  readonly #seen = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** true the first time an id is claimed, false for a delivery already handled or in hand */
  claim(id: string): boolean {
    if (this.#seen.has(id)) return false;
    this.#seen.add(id);
    if (this.#seen.size > this.capacity) {
      const [oldest] = this.#seen;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    return true;
  }

  /** forgets a delivery whose handling failed, so that redelivering it tries again */
  release(id: string): void {
    this.#seen.delete(id);
  }
}
