/**
 * The conditions a file of the run runs under because of the tasks that include or render it:
 * `include_tasks: lab.yml` with `when: lab | bool` runs `lab.yml` only where `lab` is true,
 * and a `template` task in `lab.yml` renders its template under the same flag. A file reached
 * in several ways runs under any of them; one reached in some way without a condition, or by
 * nothing in the run, always runs.
 */
import type { FileModel, FlagGuard, FlagWays } from '../../model/model.js';
import { descriptorOf } from '../../languages/index.js';
import { addTo } from '../../shared/add-to.js';

/** Past this many ways of reaching a file, it is taken to run always. */
const MAX_WAYS = 16;
/** Past this many files including one another in a chain, the last is taken to run always. */
const MAX_CHAIN = 500;

interface Use {
  /** the file whose task includes or renders it */
  from: string;
  guards: readonly FlagGuard[];
}

export class IncludedUnder {
  private readonly uses = new Map<string, Use[]>();
  private readonly ways = new Map<string, FlagWays | undefined>();

  /**
   * Records the files `model`'s code includes or renders, and under what; `registered` are the
   * names the run's code registers host findings under (`LanguageDescriptor.registers`).
   */
  add(model: FileModel, registered?: ReadonlySet<string>): void {
    const included = descriptorOf(model.language).includedFiles?.(model, registered) ?? [];
    for (const { path, guards } of included) addTo(this.uses, path, { from: model.path, guards });
  }

  /** The ways a file runs only under flags; undefined where it always runs. */
  of(path: string): FlagWays | undefined {
    return this.waysOf(path, new Set());
  }

  private waysOf(path: string, reading: Set<string>): FlagWays | undefined {
    if (this.ways.has(path)) return this.ways.get(path);
    const uses = this.uses.get(path);
    // A file that includes itself, through others or not, runs as its includers do.
    if (!uses || reading.has(path) || reading.size >= MAX_CHAIN) return undefined;
    reading.add(path);
    const found = new Map<string, readonly FlagGuard[]>();
    let always = false;
    for (const { from, guards } of uses) {
      for (const outer of this.waysOf(from, reading) ?? [[]]) {
        const way = [...outer, ...guards];
        if (way.length === 0) always = true;
        else found.set(JSON.stringify(way), way);
      }
      if (always || found.size > MAX_WAYS) {
        always = true;
        break;
      }
    }
    reading.delete(path);
    const ways = always ? undefined : [...found.values()];
    this.ways.set(path, ways);
    return ways;
  }
}
