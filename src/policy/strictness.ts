/**
 * How strict a setting's value is, so that layering and policy edits agree on what "loosen" means.
 */
import { SEVERITIES, severityRank } from '../model/finding.js';
import { riskRank, type RiskLevel } from '../model/risk.js';
import type {
  InlineSuppressions,
  OnError,
  OnUnanalysable,
  TestCodeHandling,
  Threshold,
} from './types.js';

/** `low` catches the most, `none` nothing. */
export function thresholdStrictness(threshold: Threshold): number {
  return threshold === 'none' ? 0 : SEVERITIES.length + 1 - severityRank(threshold);
}

const SUPPRESSIONS_FROM_LOOSEST: readonly InlineSuppressions[] = ['allow', 'deny-locked', 'deny'];

/** `allow` is the loosest, `deny` the strictest. */
export function suppressionStrictness(setting: InlineSuppressions): number {
  return SUPPRESSIONS_FROM_LOOSEST.indexOf(setting);
}

/** `warn` lets an unanalysed file through, `fail` does not. */
export function unanalysableStrictness(setting: OnUnanalysable): number {
  return setting === 'fail' ? 1 : 0;
}

/** `neutral` lets a broken review through, `fail` does not. */
export function errorStrictness(setting: OnError): number {
  return setting === 'fail' ? 1 : 0;
}

/** Routing at a lower risk level sends more pull requests to review; never routing, none. */
export function routingRiskStrictness(risk: RiskLevel | undefined): number {
  return risk === undefined ? 0 : 1 + (riskRank('high') - riskRank(risk));
}

const TEST_CODE_FROM_LOOSEST: readonly TestCodeHandling[] = ['ignore', 'report', 'production'];

/** `ignore` reads no test code, `report` lists its findings apart, `production` lets them count. */
export function testCodeStrictness(setting: TestCodeHandling): number {
  return TEST_CODE_FROM_LOOSEST.indexOf(setting);
}
