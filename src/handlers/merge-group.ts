import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
import { installationOf } from './installation.js';

/** A merge queue asks for the required checks of a group; Posture answers on the group's head. */
export function mergeGroupJobs(context: Context<'merge_group.checks_requested'>): JobRequest[] {
  const installationId = installationOf(context);
  const { merge_group: group, repository } = context.payload;
  if (installationId === undefined || !repository) return [];
  return [
    {
      kind: 'merge-group',
      installationId,
      owner: repository.owner.login,
      repo: repository.name,
      headSha: group.head_sha,
      headRef: group.head_ref,
      baseSha: group.base_sha,
      deliveryId: context.id,
    },
  ];
}
