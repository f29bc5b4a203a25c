/**
 * Where the app reads policy from: the org's `.github` repository (default branch), then the
 * repository's `.security.yml` at the pull request's base commit. Never the head: the change
 * under review cannot change its judge.
 */
import type { PolicyText } from '../policy/build-policy.js';
import type { GitHubClient, RepoRef } from './review-target.js';

export const POLICY_PATH = '.security.yml';
/** GitHub's conventional repository for org-wide community and configuration files. */
export const ORG_CONFIG_REPOSITORY = '.github';

export interface PolicyTexts {
  org?: PolicyText;
  repo?: PolicyText;
}

export async function loadPolicyTexts(octokit: GitHubClient, repo: RepoRef, baseSha: string): Promise<PolicyTexts> {
  const [org, own] = await Promise.all([
    repo.repo === ORG_CONFIG_REPOSITORY ? undefined : readFile(octokit, { owner: repo.owner, repo: ORG_CONFIG_REPOSITORY }, POLICY_PATH),
    readFile(octokit, repo, POLICY_PATH, baseSha),
  ]);
  return {
    ...(org === undefined ? {} : { org: { source: `${repo.owner}/${ORG_CONFIG_REPOSITORY}:${POLICY_PATH}`, text: org } }),
    ...(own === undefined ? {} : { repo: { source: POLICY_PATH, text: own } }),
  };
}

/** A file's text at a ref, or undefined when the repository or the file does not exist. */
export async function readFile(octokit: GitHubClient, repo: RepoRef, path: string, ref?: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner: repo.owner, repo: repo.repo, path, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== 'file') return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
