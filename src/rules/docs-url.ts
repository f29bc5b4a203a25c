/** Where a rule's documentation lives, for links in check runs, comments and SARIF. */
export const RULE_DOCS_BASE = 'https://github.com/posture-security/posture/blob/main/src/rules';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${ruleId}/README.md`;
}
