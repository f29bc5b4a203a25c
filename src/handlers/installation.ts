import type { Context } from 'probot';

/** The installation an event came through; without one, Posture cannot act on the repository. */
export function installationOf(context: Context): number | undefined {
  return (context.payload as { installation?: { id?: number } }).installation?.id;
}
