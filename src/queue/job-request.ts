/**
 * What a webhook asks Posture to do, as a job: review one pull request at one head commit, or
 * find the pull requests of a commit first (check events of forks name none). A job's id says
 * which requests are the same work: a redelivery or a repeated push of one head joins the job
 * already waiting; a re-run, a review decision or an "Accept risk" click is work of its own.
 */
import type { ReviewTrigger } from '../review/review-target.js';

export interface RepositoryJobRef {
  installationId: number;
  owner: string;
  repo: string;
}

export interface ReviewJobRequest extends RepositoryJobRef {
  kind: 'review';
  pullNumber: number;
  headSha: string;
  trigger: ReviewTrigger;
  deliveryId: string;
  /**
   * Present when the event says what the pull request's head is now (`pull_request` and
   * `pull_request_review` events), with GitHub's `updated_at` of the pull request: events can
   * arrive out of order, and an older one must not make an older head the latest.
   */
  headObservedAt?: string;
}

export interface FindPullRequestsJobRequest extends RepositoryJobRef {
  kind: 'find-pull-requests';
  headSha: string;
  trigger: ReviewTrigger;
  deliveryId: string;
}

/** A merge queue's group: its head is the base branch with the queued pull requests merged in. */
export interface MergeGroupJobRequest extends RepositoryJobRef {
  kind: 'merge-group';
  headSha: string;
  /** `refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>`: names the pull request the group tests */
  headRef: string;
  /** the commit the group is built on: the branch's tip, or the head of the group ahead of it */
  baseSha?: string;
  deliveryId: string;
}

export type JobRequest = ReviewJobRequest | FindPullRequestsJobRequest | MergeGroupJobRequest;

/** `owner/repo#number`: the pull request a review job belongs to. */
export function pullRequestKey(ref: RepositoryJobRef & { pullNumber: number }): string {
  return `${ref.owner}/${ref.repo}#${ref.pullNumber}`;
}

/**
 * Pushes of one head share an id, so repeated events join; every other trigger is its own job,
 * identified by its delivery, so that a redelivery of that delivery joins it. So is a reopening:
 * the job of its head may be one that found the pull request closed and is stopping its run.
 */
export function jobIdOf(request: JobRequest): string {
  // Job stores use ':' to separate their keys.
  const delivery = request.deliveryId.replaceAll(':', '%3A');
  if (request.kind === 'find-pull-requests')
    return `${request.owner}/${request.repo}@${request.headSha}/find/${delivery}`;
  if (request.kind === 'merge-group')
    return `${request.owner}/${request.repo}@${request.headSha}/merge-group`;
  const head = `${pullRequestKey(request)}@${request.headSha}`;
  if (request.trigger.kind === 'push')
    return request.trigger.reopened ? `${head}/reopened/${delivery}` : head;
  return `${head}/${request.trigger.kind}/${delivery}`;
}

/** The key jobs of one pull request are serialised on; a find job is alone with itself. */
export function serialisationKeyOf(request: JobRequest): string {
  return request.kind === 'review' ? pullRequestKey(request) : jobIdOf(request);
}
