/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 *
 * GitHub reads `tool.driver.rules[].properties['security-severity']` to rank alerts,
 * `partialFingerprints` to track an alert across commits, and `uriBaseId: %SRCROOT%`
 * with a relative `uri` to place it in the repository.
 */
import type { FileError, Finding, Severity } from '../engine/finding.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import type { RuleMeta } from '../rules/rule.js';
import { FINGERPRINT_KEY, fingerprintAll, type LineLookup } from '../engine/fingerprint.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/posture-security/posture';
const SOURCE_ROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  region?: SarifRegion;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'high'; 'security-severity': string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: SarifPhysicalLocation }[];
  partialFingerprints: Record<string, string>;
}

export interface SarifNotification {
  level: 'error';
  message: { text: string };
  locations: { physicalLocation: SarifPhysicalLocation }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; informationUri: string; semanticVersion: string; rules: SarifRule[] } };
      invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }];
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

export interface SarifInput {
  findings: readonly Finding[];
  errors: readonly FileError[];
  rules: readonly RuleMeta[];
  toolVersion: string;
  lineText: LineLookup;
}

export function toSarif({ findings, errors, rules, toolVersion, lineText }: SarifInput): SarifLog {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintAll(findings, (finding) => lineText(finding.path, finding.range.line));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Posture',
            informationUri: TOOL_INFORMATION_URI,
            semanticVersion: toolVersion,
            rules: rules.map(toSarifRule),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: errors.map(toNotification) }],
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding, index) => {
          const indexOfRule = ruleIndex.get(finding.ruleId);
          return {
            ruleId: finding.ruleId,
            ...(indexOfRule === undefined ? {} : { ruleIndex: indexOfRule }),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [{ physicalLocation: physicalLocation(finding.path, findingRegion(finding)) }],
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index] ?? '' },
            ...(finding.status ? { suppressions: [suppressionOf(finding)] } : {}),
          };
        }),
      },
    ],
  };
}

/** Waivers live outside the file (`external`), inline suppressions in it (`inSource`). */
function suppressionOf(finding: Finding): { kind: 'external' | 'inSource'; justification: string } {
  return { kind: finding.status === 'waived' ? 'external' : 'inSource', justification: finding.justification ?? '' };
}

export function formatSarif(input: SarifInput): string {
  return `${JSON.stringify(toSarif(input), null, 2)}\n`;
}

function toSarifRule(rule: RuleMeta): SarifRule {
  const helpUri = ruleDocsUrl(rule.id, undefined);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: rule.remediation,
      markdown: helpMarkdown(rule, helpUri),
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [rule.category, 'security', ...rule.languages, ...cweTag(rule.cwe)],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function toNotification(error: FileError): SarifNotification {
  return {
    level: 'error',
    message: { text: error.message },
    locations: [{ physicalLocation: physicalLocation(error.path, error.line ? { startLine: error.line } : undefined) }],
  };
}

function physicalLocation(path: string, region: SarifRegion | undefined): SarifPhysicalLocation {
  return {
    artifactLocation: { uri: toUri(path), uriBaseId: SOURCE_ROOT },
    ...(region ? { region } : {}),
  };
}

/** SARIF regions must not end before they start; a degenerate range keeps its start only. */
function findingRegion(finding: Finding): SarifRegion {
  const { line, column, endLine, endColumn } = finding.range;
  const startLine = Math.max(1, line);
  const startColumn = Math.max(1, column);
  const endsAfterStart = endLine > startLine || (endLine === startLine && endColumn > startColumn);
  return endsAfterStart ? { startLine, startColumn, endLine, endColumn } : { startLine, startColumn };
}

/** A relative URI reference: forward slashes, each segment percent-encoded. */
function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function helpMarkdown(rule: RuleMeta, helpUri: string | undefined): string {
  const cwe = cweNumber(rule.cwe);
  const links = [
    ...(cwe ? [`[CWE-${cwe}](https://cwe.mitre.org/data/definitions/${cwe}.html)`] : []),
    ...(helpUri ? [`[Rule documentation](${helpUri})`] : []),
  ];
  return `${rule.description}\n\n## Remediation\n\n${rule.remediation}\n\n${links.join(' · ')}`;
}

function cweTag(cwe: string): string[] {
  const number = cweNumber(cwe);
  return number ? [`external/cwe/cwe-${number}`] : [];
}

function cweNumber(cwe: string): string | undefined {
  return /^CWE-(\d+)$/i.exec(cwe.trim())?.[1];
}
