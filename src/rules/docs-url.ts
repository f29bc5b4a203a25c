/**
 * Where a rule's documentation lives, when the deployment says so (`RULE_DOCS_URL`: the folder of
 * rule READMEs of the installed version, e.g. `https://github.com/acme/posture/blob/v1.4.0/src/rules`).
 * Without it there is no link: check runs and comments carry each rule's description and fix
 * themselves, so they read the same offline, on GitHub Enterprise and in forks.
 */
export function ruleDocsUrl(ruleId: string, docsBase: string | undefined): string | undefined {
  if (!docsBase || ruleId === 'policy-change') return undefined;
  return `${docsBase.replace(/\/+$/, '')}/${encodeURIComponent(ruleId)}/README.md`;
}
