import type { Severity } from '../model/finding.js';

const BADGES: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
};

/** e.g. "🟧 High": a colour cue that survives Markdown rendering, plus the word for screen readers. */
export function severityLabel(severity: Severity): string {
  return `${BADGES[severity]} ${severity[0]?.toUpperCase()}${severity.slice(1)}`;
}
