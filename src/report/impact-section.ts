/**
 * The security impact of a change in the check-run summary: its risk level, and the surfaces it
 * touches with the lines that touch them.
 */
import type { SurfaceChange } from '../engine/impact.js';
import { SURFACE_LABELS, type RiskLevel } from '../model/risk.js';
import { codeSpan, escapeMarkdownText, tableCell } from './markdown.js';

const RISK_BADGES: Record<RiskLevel, string> = { high: '🔴', medium: '🟡', low: '🟢' };
const LOCATIONS_PER_SURFACE = 3;

function riskLabel(risk: RiskLevel): string {
  return `${RISK_BADGES[risk]} ${risk[0]?.toUpperCase()}${risk.slice(1)} risk`;
}

/** The summary's first line: e.g. "**🟡 Medium risk** · touches SSH, sudo". */
export function riskLine(risk: RiskLevel, surfaces: readonly SurfaceChange[]): string {
  const touched =
    surfaces.length === 0
      ? 'touches none of the security surfaces Posture tracks'
      : `touches ${surfaces.map((change) => SURFACE_LABELS[change.surface]).join(', ')}`;
  return `**${riskLabel(risk)}** · ${touched}`;
}

export function impactSection(surfaces: readonly SurfaceChange[]): string[] {
  if (surfaces.length === 0) return [];
  const rows = surfaces.map((change) => {
    const shown = change.locations
      .slice(0, LOCATIONS_PER_SURFACE)
      .map(
        (location) =>
          `${codeSpan(`${location.path}:${location.line}`)}${location.version === 'base' ? ' (removed)' : ''}`,
      );
    const more = change.locationCount - shown.length;
    const where = `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    return `| ${tableCell(escapeMarkdownText(SURFACE_LABELS[change.surface]))} | ${tableCell(where)} |`;
  });
  return [
    '### What this change touches',
    ['| Surface | Where |', '| --- | --- |', ...rows].join('\n'),
  ];
}
