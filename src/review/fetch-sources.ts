import type { SourceFile } from '../engine/analyze.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import type { ChangedFile } from './pr-files.js';
import type { GitHubClient, RepoRef } from './review-target.js';

/** Blob downloads in flight at once: quick on big pull requests, far below GitHub's concurrency limit. */
const CONCURRENT_DOWNLOADS = 8;

/**
 * Downloads each changed file's content at the head commit by its blob SHA. GitHub does not say
 * how big a blob is before sending it, so oversized files are downloaded and the engine reports
 * them as too large to analyse.
 */
export async function fetchSources(
  octokit: GitHubClient,
  repo: RepoRef,
  files: readonly ChangedFile[],
): Promise<SourceFile[]> {
  return mapConcurrently(files, CONCURRENT_DOWNLOADS, async (file) => {
    const { data: blob } = await octokit.rest.git.getBlob({ owner: repo.owner, repo: repo.repo, file_sha: file.blobSha });
    const content = blob.encoding === 'base64' ? Buffer.from(blob.content, 'base64').toString('utf8') : blob.content;
    return { path: file.path, content };
  });
}
