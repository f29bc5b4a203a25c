/**
 * What the GitHub stand-in enforces the way GitHub does, where Posture depends on it: app JWTs
 * signed with the app's key, the shape and limits of check-run writes.
 */
import { verify, type KeyObject } from 'node:crypto';
import type { StandinAnnotation, StandinCheckRun } from './github-model/types.js';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function validateCheckRunWrite(input: Record<string, unknown>): void {
  const output = input.output as
    { title?: unknown; summary?: unknown; annotations?: StandinAnnotation[] } | undefined;
  if (output) {
    if (typeof output.title !== 'string' || typeof output.summary !== 'string')
      throw new HttpProblem(422, 'output requires title and summary');
    if (output.summary.length > 65_535)
      throw new HttpProblem(
        422,
        `Only 65535 characters are allowed; ${output.summary.length} were supplied.`,
      );
    const annotations = output.annotations ?? [];
    if (annotations.length > 50)
      throw new HttpProblem(422, 'Only 50 annotations are allowed per request');
    for (const annotation of annotations) {
      if (!['notice', 'warning', 'failure'].includes(annotation.annotation_level))
        throw new HttpProblem(422, 'Invalid annotation_level');
      if (annotation.start_line < 1 || annotation.end_line < annotation.start_line)
        throw new HttpProblem(422, 'Invalid annotation lines');
      const hasColumns =
        annotation.start_column !== undefined || annotation.end_column !== undefined;
      if (hasColumns && annotation.start_line !== annotation.end_line)
        throw new HttpProblem(422, 'Columns are only allowed on single-line annotations');
    }
  }
  if (input.status === 'completed' && !input.conclusion)
    throw new HttpProblem(422, 'conclusion is required when status is completed');
  if (input.conclusion === 'action_required' && typeof input.details_url !== 'string') {
    throw new HttpProblem(
      422,
      'details_url must be provided when the conclusion is action_required',
    );
  }
  const actions = (input.actions ?? []) as Array<{
    label?: string;
    description?: string;
    identifier?: string;
  }>;
  if (actions.length > 3) throw new HttpProblem(422, 'Only 3 actions are allowed per check run');
  for (const action of actions) {
    if (!action.label || action.label.length > 20)
      throw new HttpProblem(422, 'actions label must be 1 to 20 characters');
    if (!action.description || action.description.length > 40)
      throw new HttpProblem(422, 'actions description must be 1 to 40 characters');
    if (!action.identifier || action.identifier.length > 20)
      throw new HttpProblem(422, 'actions identifier must be 1 to 20 characters');
  }
}

export function applyCheckRunWrite(run: StandinCheckRun, input: Record<string, unknown>): void {
  if (typeof input.status === 'string') run.status = input.status;
  if (typeof input.conclusion === 'string') {
    run.conclusion = input.conclusion;
    run.status = 'completed';
  }
  if (typeof input.external_id === 'string') run.external_id = input.external_id;
  if (typeof input.started_at === 'string') run.started_at = input.started_at;
  if (typeof input.completed_at === 'string') run.completed_at = input.completed_at;
  if (typeof input.details_url === 'string') run.details_url = input.details_url;
  if (Array.isArray(input.actions)) run.actions = input.actions as StandinCheckRun['actions'];
  const output = input.output as
    { title: string; summary: string; annotations?: StandinAnnotation[] } | undefined;
  if (output) {
    run.output = { title: output.title, summary: output.summary };
    run.annotations.push(...(output.annotations ?? []));
  }
}

export function isValidAppJwt(
  authorization: string | undefined,
  publicKey: KeyObject,
  appId: number,
): boolean {
  const token = /^bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  const [header, claims, signature] = token?.split('.') ?? [];
  if (!header || !claims || !signature) return false;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${claims}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return false;
  const { iss, exp } = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
    iss?: unknown;
    exp?: unknown;
  };
  return String(iss) === String(appId) && typeof exp === 'number' && exp > Date.now() / 1000;
}
