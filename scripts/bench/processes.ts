/**
 * Whole-process comparisons for the bench: each command of a group runs in turn (A B C A B C …),
 * so that a drift in the machine's speed touches every command alike, and each figure is the
 * median of its runs.
 */
import { measureProcess, type MeasuredCommand, type ProcessUsage } from '../lib/process-usage.js';
import { fixed, median, textTable } from '../lib/table.js';

export interface Contender {
  name: string;
  /** one or more processes whose costs add up to one run (puppet-lint lints one module per process) */
  commands: readonly MeasuredCommand[];
  /** why it is not measured (a peer that is not installed) */
  missing?: string;
  /**
   * What its output says about the figures, read from the last run's stdout (the commands that
   * should keep it set `keepStdout`): a peer that stopped short of its own work, say.
   */
  caveat?: (stdout: string) => string | undefined;
}

export interface ContenderFigures {
  name: string;
  runs: number;
  cpuSeconds: number;
  wallSeconds: number;
  peakMiB: number;
  /** the exit codes of the last run, one per command */
  exitCodes: number[];
  missing?: string;
  caveat?: string;
}

export async function compareInTurn(
  contenders: readonly Contender[],
  runs: number,
): Promise<ContenderFigures[]> {
  const measured = contenders.filter((contender) => !contender.missing);
  const samples = new Map<string, ProcessUsage[][]>(measured.map((item) => [item.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const contender of measured) {
      const usages: ProcessUsage[] = [];
      for (const command of contender.commands) usages.push(await measureProcess(command));
      samples.get(contender.name)?.push(usages);
    }
  }
  return contenders.map((contender) => {
    const runsOf = samples.get(contender.name) ?? [];
    const lastOutput =
      runsOf
        .at(-1)
        ?.map((usage) => usage.stdout)
        .join('') ?? '';
    const caveat = runsOf.length > 0 ? contender.caveat?.(lastOutput) : undefined;
    const total = (pick: (usage: ProcessUsage) => number) =>
      median(runsOf.map((usages) => usages.reduce((sum, usage) => sum + pick(usage), 0)));
    return {
      name: contender.name,
      runs: runsOf.length,
      cpuSeconds: total((usage) => usage.cpuSeconds),
      wallSeconds: total((usage) => usage.wallSeconds),
      peakMiB: median(runsOf.map((usages) => Math.max(0, ...usages.map((usage) => usage.peakMiB)))),
      exitCodes: runsOf.at(-1)?.map((usage) => usage.exitCode) ?? [],
      ...(contender.missing ? { missing: contender.missing } : {}),
      ...(caveat ? { caveat } : {}),
    };
  });
}

/**
 * A table of the figures, each command's CPU also as a ratio to the reference (Posture): above
 * 1 the command costs more than Posture, below 1 less.
 */
export function printComparison(
  title: string,
  figures: readonly ContenderFigures[],
  reference: string,
): void {
  const base = figures.find((figure) => figure.name === reference);
  console.log(`${title}\n`);
  const header = ['command', 'CPU s', 'wall s', 'peak MiB', 'CPU / Posture', 'runs'];
  const body = figures.map((figure) =>
    figure.missing
      ? [figure.name, '—', '—', '—', figure.missing, 0]
      : [
          figure.name,
          fixed(figure.cpuSeconds, 2),
          fixed(figure.wallSeconds, 2),
          fixed(figure.peakMiB, 0),
          base && base.cpuSeconds > 0 ? `${fixed(figure.cpuSeconds / base.cpuSeconds, 2)}×` : '—',
          figure.runs,
        ],
  );
  console.log(textTable(header, body, { rightAligned: [1, 2, 3, 4, 5] }));
  console.log('');
  for (const figure of figures)
    if (figure.caveat) console.log(`Note on ${figure.name}: ${figure.caveat}\n`);
}
