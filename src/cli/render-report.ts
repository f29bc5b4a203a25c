/** A scan's report in the format asked for. */
import { formatGithub } from '../report/github.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import type { ScanReport } from '../report/scan-report.js';
import { formatText } from '../report/text.js';
import type { ScanFormat } from './commands.js';

export interface RenderOptions {
  /** ANSI colours, for text on a terminal */
  color: boolean;
  /** Posture's version, for SARIF */
  toolVersion: string;
}

export function renderReport(
  report: ScanReport,
  format: ScanFormat,
  options: RenderOptions,
): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { toolVersion: options.toolVersion });
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
  }
}
