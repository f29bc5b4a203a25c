/**
 * Reports that land in another file than the one being checked: a rule that finds, in a task,
 * that a role default turns SELinux off reports on the default's line. They wait here until
 * that file is analysed (definition files are analysed last) and then become its findings,
 * with its suppressions, waivers and fingerprints. One report per rule and line; further uses
 * of the same definition are counted in its message.
 */
import type { Report } from '../../rules/rule.js';

export interface DeferredReport extends Omit<Report, 'path'> {
  ruleId: string;
}

interface Waiting extends DeferredReport {
  otherUses: number;
}

export class DeferredReports {
  private readonly byPath = new Map<string, Map<string, Waiting>>();

  add(path: string, report: DeferredReport): void {
    let waiting = this.byPath.get(path);
    if (!waiting) this.byPath.set(path, (waiting = new Map<string, Waiting>()));
    const key = `${report.ruleId}:${report.range.line}`;
    const known = waiting.get(key);
    if (known) known.otherUses += 1;
    else waiting.set(key, { ...report, otherUses: 0 });
  }

  /** Whether any report waits for the file. */
  hasWaiting(path: string): boolean {
    return (this.byPath.get(path)?.size ?? 0) > 0;
  }

  /** The reports waiting for a file from the given rules, taken out of the waiting list. */
  take(path: string, ruleIds: ReadonlySet<string>): DeferredReport[] {
    const waiting = this.byPath.get(path);
    if (!waiting) return [];
    const taken: DeferredReport[] = [];
    for (const [key, report] of waiting) {
      if (!ruleIds.has(report.ruleId)) continue;
      waiting.delete(key);
      const { otherUses, ...rest } = report;
      taken.push(
        otherUses === 0
          ? rest
          : {
              ...rest,
              message: `${rest.message} (and ${otherUses} other ${otherUses === 1 ? 'use' : 'uses'})`,
            },
      );
    }
    return taken;
  }
}
