/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 *
 * GitHub reads `tool.driver.rules[].properties['security-severity']` to rank alerts,
 * `partialFingerprints` to track an alert across commits, and `uriBaseId: %SRCROOT%` with a
 * `uri` relative to the repository root to place it; `originalUriBaseIds` says where that
 * root was on the scanning machine.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { severityRank, type FileError, type Severity } from '../model/finding.js';
import { FINGERPRINT_KEY } from '../engine/fingerprint.js';
import type { PolicyError } from '../policy/types.js';
import {
  isInsideRoot,
  type ReportedFinding,
  type ReportedRule,
  type ScanReport,
} from './scan-report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

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
  /** absent for a policy's custom rules, which Posture does not document */
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
  /** where the value a finding is about lands, when it is set in one file and used in another */
  relatedLocations?: {
    id: number;
    physicalLocation: SarifPhysicalLocation;
    message: { text: string };
  }[];
  partialFingerprints: Record<string, string>;
  /** with --baseline or --diff-base: whether the finding is in the baseline or new */
  baselineState?: SarifBaselineState;
  suppressions?: { kind: 'external' | 'inSource'; justification: string }[];
}

export interface SarifNotification {
  level: 'error';
  message: { text: string };
  locations?: { physicalLocation: SarifPhysicalLocation }[];
}

export type SarifBaselineState = 'new' | 'unchanged';

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; semanticVersion: string; rules: SarifRule[] } };
      invocations: [
        {
          executionSuccessful: boolean;
          toolExecutionNotifications: SarifNotification[];
          toolConfigurationNotifications?: SarifNotification[];
        },
      ];
      originalUriBaseIds: Record<string, { uri: string }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
      properties: { policies: { layer: 'org' | 'repository'; path: string }[] };
    },
  ];
}

export interface SarifOptions {
  toolVersion: string;
}

export function toSarif(report: ScanReport, { toolVersion }: SarifOptions): SarifLog {
  const rules = report.rules.map((rule) => ({
    ...rule,
    severity: reportedSeverity(rule, report.findings),
  }));
  const unanalysable = report.onUnanalysable === 'fail' ? report.errors : [];
  const driverRules = [
    ...rules.map(toSarifRule),
    ...(unanalysable.length > 0 ? [UNANALYSABLE_RULE] : []),
  ];
  const ruleIndex = new Map(driverRules.map((rule, index) => [rule.id, index]));
  const compared = report.baseline !== undefined || report.diffBase !== undefined;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Posture',
            semanticVersion: toolVersion,
            rules: driverRules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map(fileErrorNotification),
            ...(report.policyErrors.length > 0
              ? { toolConfigurationNotifications: report.policyErrors.map(policyErrorNotification) }
              : {}),
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results: [
          ...report.findings.map((finding) => findingResult(finding, ruleIndex, compared)),
          ...unanalysable.map((error) => unanalysableResult(error, ruleIndex)),
        ],
        properties: { policies: report.policies.map((policy) => ({ ...policy })) },
      },
    ],
  };
}

/**
 * Under `on_unanalysable: fail`, a file Posture could not analyse fails the scan; code scanning
 * alerts on results, not on notifications, so each such file is a result too, of a rule of its
 * own, and a code-scanning gate does not pass what the exit code fails.
 */
const UNANALYSABLE_RULE_ID = 'unanalysable-file';
const UNANALYSABLE_RULE: SarifRule = {
  id: UNANALYSABLE_RULE_ID,
  name: pascalCase(UNANALYSABLE_RULE_ID),
  shortDescription: { text: 'Posture could not analyse this file' },
  fullDescription: {
    text: 'A configuration file Posture should read could not be analysed (unreadable, a syntax error, too large or nested too deeply), so nothing in it was judged.',
  },
  help: {
    text: 'Fix, split or simplify the file, or exclude it in .security.yml if it is not configuration code; on_unanalysable: warn lists such files without failing.',
    markdown:
      'A configuration file Posture should read could not be analysed, so nothing in it was judged.\n\n## Remediation\n\nFix, split or simplify the file, or exclude it in `.security.yml` if it is not configuration code; `on_unanalysable: warn` lists such files without failing.',
  },
  defaultConfiguration: { level: 'error' },
  properties: {
    tags: ['security'],
    precision: 'high',
    'security-severity': SECURITY_SEVERITY.high,
  },
};

function unanalysableResult(error: FileError, ruleIndex: ReadonlyMap<string, number>): SarifResult {
  return {
    ruleId: UNANALYSABLE_RULE_ID,
    ruleIndex: ruleIndex.get(UNANALYSABLE_RULE_ID) ?? 0,
    level: 'error',
    message: { text: error.message },
    locations: [
      {
        physicalLocation: physicalLocation(
          error.path,
          error.line ? { startLine: error.line } : undefined,
        ),
      },
    ],
    partialFingerprints: {
      [FINGERPRINT_KEY]: createHash('sha256')
        .update(`${UNANALYSABLE_RULE_ID}\n${error.path}\n${error.kind}`)
        .digest('hex'),
    },
  };
}

function findingResult(
  finding: ReportedFinding,
  ruleIndex: ReadonlyMap<string, number>,
  compared: boolean,
): SarifResult {
  const indexOfRule = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(indexOfRule === undefined ? {} : { ruleIndex: indexOfRule }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.path, findingRegion(finding)) }],
    ...(finding.landing
      ? {
          relatedLocations: [
            {
              id: 1,
              physicalLocation: physicalLocation(finding.landing.path, {
                startLine: Math.max(1, finding.landing.line),
              }),
              message: { text: `used ${finding.landing.as}` },
            },
          ],
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(compared ? { baselineState: finding.status === 'baselined' ? 'unchanged' : 'new' } : {}),
    ...(finding.status === 'waived' || finding.status === 'suppressed'
      ? { suppressions: [suppressionOf(finding)] }
      : {}),
  };
}

/**
 * The severity code scanning should rank a rule's alerts by: the one the policy gives the rule,
 * or a result's own when it is higher.
 */
function reportedSeverity(rule: ReportedRule, findings: readonly ReportedFinding[]): Severity {
  let severity = rule.severity;
  for (const finding of findings) {
    if (finding.ruleId === rule.id && severityRank(finding.severity) > severityRank(severity))
      severity = finding.severity;
  }
  return severity;
}

/** Waivers live outside the file (`external`), inline suppressions in it (`inSource`). */
function suppressionOf(finding: ReportedFinding): {
  kind: 'external' | 'inSource';
  justification: string;
} {
  return {
    kind: finding.status === 'waived' ? 'external' : 'inSource',
    justification: finding.justification ?? '',
  };
}

export function formatSarif(report: ScanReport, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

function toSarifRule(rule: ReportedRule): SarifRule {
  const helpUri = rule.docsUrl;
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
      tags: unique([rule.category, 'security', ...rule.languages, ...cweTag(rule.cwe)]),
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function fileErrorNotification(error: FileError): SarifNotification {
  return {
    level: 'error',
    message: { text: error.message },
    locations: [
      {
        physicalLocation: physicalLocation(
          error.path,
          error.line ? { startLine: error.line } : undefined,
        ),
      },
    ],
  };
}

/** A policy file outside the repository (an org policy elsewhere on disk) cannot be placed in it. */
function policyErrorNotification(error: PolicyError): SarifNotification {
  const text = error.key
    ? `${error.source}: ${error.key}: ${error.message}`
    : `${error.source}: ${error.message}`;
  const insideRoot = isInsideRoot(error.source);
  return {
    level: 'error',
    message: { text },
    ...(insideRoot
      ? {
          locations: [
            {
              physicalLocation: physicalLocation(
                error.source,
                error.line ? { startLine: error.line } : undefined,
              ),
            },
          ],
        }
      : {}),
  };
}

function physicalLocation(path: string, region: SarifRegion | undefined): SarifPhysicalLocation {
  return {
    artifactLocation: { uri: toUri(path), uriBaseId: SOURCE_ROOT },
    ...(region ? { region } : {}),
  };
}

/** `file:///work/repo/`: a directory's URI ends with a slash, so relative URIs resolve inside it. */
function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** SARIF regions must not end before they start; a degenerate range keeps its start only. */
function findingRegion(finding: ReportedFinding): SarifRegion {
  const { line, column, endLine, endColumn } = finding.range;
  const startLine = Math.max(1, line);
  const startColumn = Math.max(1, column);
  const endsAfterStart = endLine > startLine || (endLine === startLine && endColumn > startColumn);
  return endsAfterStart
    ? { startLine, startColumn, endLine, endColumn }
    : { startLine, startColumn };
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

function helpMarkdown(rule: ReportedRule, helpUri: string | undefined): string {
  const cwe = cweNumber(rule.cwe);
  const links = [
    ...(cwe ? [`[CWE-${cwe}](https://cwe.mitre.org/data/definitions/${cwe}.html)`] : []),
    ...(helpUri ? [`[Rule documentation](${helpUri})`] : []),
  ];
  return `${rule.description}\n\n## Remediation\n\n${rule.remediation}\n\n${links.join(' · ')}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function cweTag(cwe: string): string[] {
  const number = cweNumber(cwe);
  return number ? [`external/cwe/cwe-${number}`] : [];
}

function cweNumber(cwe: string): string | undefined {
  return /^CWE-(\d+)$/i.exec(cwe.trim())?.[1];
}
