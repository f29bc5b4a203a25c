import { describe, expect, it } from 'vitest';
import type { FingerprintedFinding } from '../../src/engine/diff-findings.js';
import { defaultPolicy } from '../../src/policy/defaults.js';
import type { ReviewRouting } from '../../src/policy/types.js';
import { routeToSecurityReview, type RoutingFacts } from '../../src/review/routing.js';
import { makeFinding } from '../support/findings.js';

const routing = (
  overrides: Partial<ReviewRouting['when']> = {},
  reviewers: Partial<Pick<ReviewRouting, 'teams' | 'users'>> = { teams: ['security'] },
): ReviewRouting => {
  const base = defaultPolicy().review;
  return { ...base, ...reviewers, when: { ...base.when, ...overrides } };
};
const selinux: FingerprintedFinding = {
  finding: makeFinding({
    ruleId: 'security-control-disabled',
    category: 'security-control-disabled',
    message: 'SELinux is set to disabled',
  }),
  fingerprint: `${'c'.repeat(64)}:1`,
};
const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  added: [selinux],
  risk: 'high',
  surfaces: [],
  listed: [{ path: 'roles/web/tasks/main.yml', headBlobSha: '1'.repeat(40) }],
  failOn: 'high',
  ...overrides,
});

describe('routeToSecurityReview', () => {
  it('routes nothing when the policy names no reviewer or no condition is met', () => {
    expect(
      routeToSecurityReview(routing({ risk: 'low' }, { teams: [], users: [] }), facts()),
    ).toBeUndefined();
    expect(
      routeToSecurityReview(
        routing({ categories: ['pipe-to-shell'], risk: 'high' }),
        facts({ risk: 'medium' }),
      ),
    ).toBeUndefined();
  });

  it('gives one reason per condition met', () => {
    const routed = routeToSecurityReview(
      routing({
        risk: 'medium',
        categories: ['security-control-disabled'],
        paths: ['roles/**'],
        surfaces: ['security-controls'],
        policyChange: true,
      }),
      facts({
        surfaces: [{ surface: 'security-controls', digest: 'd1', locations: [], locationCount: 0 }],
        policyFile: { status: 'modified', blobSha: '2'.repeat(40) },
      }),
    );
    expect(routed?.reasons).toEqual([
      'its risk is high, at or above medium',
      'it adds a `security-control-disabled` finding',
      'it changes `roles/web/tasks/main.yml`, under `roles/**`',
      'it touches Host security controls (SELinux, AppArmor, auditing)',
      'it edits the security policy `.security.yml`',
    ]);
    expect(routed?.teams).toEqual(['security']);
  });

  it('keeps its digest across changes the routing does not look at, and changes it with what triggered it', () => {
    const when = routing({ categories: ['security-control-disabled'] });
    const digest = routeToSecurityReview(when, facts())?.digest;
    expect(routeToSecurityReview(when, facts({ risk: 'medium', listed: [] }))?.digest).toBe(digest);
    const permissive = {
      ...selinux,
      finding: { ...selinux.finding, message: 'SELinux is set to permissive' },
    };
    expect(routeToSecurityReview(when, facts({ added: [permissive] }))?.digest).not.toBe(digest);
    const byPath = routing({ paths: ['roles/**'] });
    expect(
      routeToSecurityReview(
        byPath,
        facts({ listed: [{ path: 'roles/web/tasks/main.yml', headBlobSha: '3'.repeat(40) }] }),
      )?.digest,
    ).not.toBe(routeToSecurityReview(byPath, facts())?.digest);
  });
});
