/** Where a rule's documentation lives, for links in check runs, comments and SARIF. */
export const PROJECT_URL = 'https://github.com/posture-security/posture';
export const RULE_DOCS_BASE = `${PROJECT_URL}/blob/main/src/rules`;

/** Checks that are not rule modules, documented in the README. */
const README_SECTIONS: Readonly<Record<string, string>> = {
  'policy-change': 'pull-requests-that-edit-the-policy',
};

export function ruleDocsUrl(ruleId: string): string {
  const section = README_SECTIONS[ruleId];
  return section ? `${PROJECT_URL}#${section}` : `${RULE_DOCS_BASE}/${ruleId}/README.md`;
}
