/**
 * The app manifest, the README's install guide and the handlers the app registers tell the same
 * story: every permission and event the README lists is in `app.yml`, and every event the app
 * subscribes to has a handler (and the other way round).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import postureApp from '../../src/app.js';
import { EmbeddedQueue } from '../../src/queue/embedded-queue.js';

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
  hook_attributes: { url: string };
  redirect_url: string;
  default_events: string[];
  default_permissions: Record<string, string>;
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const installGuide = readme.slice(
  readme.indexOf('## Installing the app on an org'),
  readme.indexOf('### What happens on a pull request'),
);

/** README permission names as the manifest spells them. */
const PERMISSION_KEYS: Record<string, string> = {
  Checks: 'checks',
  'Pull requests': 'pull_requests',
  Contents: 'contents',
  'Merge queues': 'merge_queues',
  Metadata: 'metadata',
  'Members (organization)': 'members',
};

function handledEvents(): string[] {
  const events: string[] = [];
  const app = { on: (names: string | string[]) => events.push(...[names].flat()) };
  postureApp(app as never, { queue: new EmbeddedQueue({ dataDir: ':memory:' }) });
  return events;
}

describe('app.yml', () => {
  it('asks for exactly the permissions the README lists, at the listed level', () => {
    const rows = [...installGuide.matchAll(/^ {3}\| ([A-Za-z ()]+) \| (read|write) \|/gm)].map(
      ([, name = '', level]) => [PERMISSION_KEYS[name.trim()] ?? name, level],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.fromEntries(rows)).toEqual(manifest.default_permissions);
  });

  it('subscribes to the events the README lists, each of which the app handles', () => {
    const listed =
      /Events: ((?:`[a-z_]+`(?:, )?)+)\./
        .exec(installGuide.replace(/\n\s+/g, ' '))?.[1]
        ?.match(/[a-z_]+/g) ?? [];
    expect([...listed].sort()).toEqual([...manifest.default_events].sort());
    const handled = new Set(handledEvents().map((name) => name.split('.')[0]));
    expect([...handled].sort()).toEqual([...manifest.default_events].sort());
  });

  it('names the webhook URL and the redirect URL, as placeholders the README explains', () => {
    expect(manifest.hook_attributes.url).toMatch(/\/api\/github\/webhooks$/);
    expect(manifest.redirect_url).toMatch(/^https:\/\//);
    expect(installGuide).toContain('hook_attributes.url');
    expect(installGuide).toContain('redirect_url');
  });
});
