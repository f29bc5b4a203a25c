import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import postureApp, { type PostureDependencies } from '../../src/app.js';

export const FIXED_NOW = new Date('2025-03-01T12:00:00.000Z');

/**
 * Posture loaded into a Probot that talks to https://api.github.com with a plain token and
 * without retries or throttling, so that a mocked failure surfaces at once.
 */
export async function probotUnderTest(deps: PostureDependencies = {}): Promise<Probot> {
  const probot = new Probot({
    githubToken: 'test-installation-token',
    log: pino({ level: 'silent' }),
    // A function, not an object: Probot applies its own throttle options over object defaults.
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.load((app) => postureApp(app, { now: () => FIXED_NOW, ...deps }));
  return probot;
}
