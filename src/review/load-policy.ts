/**
 * Where the app reads policy from: the org's `.github` repository (default branch), then the
 * repository's `.security.yml` at the pull request's base commit. Never the head: the change
 * under review cannot change its judge. Both are read in the same batched query as the files.
 */
import type { PolicyText } from '../policy/build-policy.js';
import type { BlobRequest, BlobTexts } from './fetch-blobs.js';
import type { RepoRef } from './review-target.js';

export const POLICY_PATH = '.security.yml';
/** GitHub's conventional repository for org-wide community and configuration files. */
export const ORG_CONFIG_REPOSITORY = '.github';

export interface PolicyTexts {
  org?: PolicyText;
  repo?: PolicyText;
  /** the org's `.github` repository, when the app cannot see it: the org policy and its locks did not apply */
  orgRepositoryUnreadable?: string;
}

const ORG_KEY = 'policy:org';
const REPO_KEY = 'policy:repository';

export function policyRequests(repo: RepoRef, baseSha: string): BlobRequest[] {
  const own: BlobRequest = {
    key: REPO_KEY,
    repository: repo,
    object: { expression: `${baseSha}:${POLICY_PATH}` },
  };
  if (repo.repo === ORG_CONFIG_REPOSITORY) return [own];
  const org: BlobRequest = {
    key: ORG_KEY,
    repository: { owner: repo.owner, repo: ORG_CONFIG_REPOSITORY },
    object: { expression: `HEAD:${POLICY_PATH}` },
    optional: true,
  };
  return [org, own];
}

export function policyTextsFrom(texts: BlobTexts, repo: RepoRef): PolicyTexts {
  const org = texts.get(ORG_KEY);
  const own = texts.get(REPO_KEY);
  const orgRepository = `${repo.owner}/${ORG_CONFIG_REPOSITORY}`;
  return {
    ...(org === undefined ? {} : { org: { source: `${orgRepository}:${POLICY_PATH}`, text: org } }),
    ...(own === undefined ? {} : { repo: { source: POLICY_PATH, text: own } }),
    ...(texts.unreachableRepositories.has(orgRepository)
      ? { orgRepositoryUnreadable: orgRepository }
      : {}),
  };
}
