import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config-from-env.js';

const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n';
const COMPLETE = { APP_ID: '123', PRIVATE_KEY: PEM, WEBHOOK_SECRET: 's3cr3t' };

describe('configFromEnv', () => {
  it('refuses to run without a webhook secret, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['production', 'development', undefined]) {
      const outcome = configFromEnv({ ...COMPLETE, WEBHOOK_SECRET: '', NODE_ENV });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/^WEBHOOK_SECRET is not set/);
    }
  });

  it('refuses Probot’s public default secret in production', () => {
    expect(
      configFromEnv({ ...COMPLETE, WEBHOOK_SECRET: 'development', NODE_ENV: 'production' }).ok,
    ).toBe(false);
  });

  it('names every missing setting at once', () => {
    const outcome = configFromEnv({});
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.split(' ')[0])).toEqual([
      'APP_ID',
      'PRIVATE_KEY',
      'WEBHOOK_SECRET',
    ]);
  });

  it('points GitHub Enterprise hosts at their /api/v3 root, the way Probot does', () => {
    const outcome = configFromEnv({
      ...COMPLETE,
      GHE_HOST: '127.0.0.1:8080',
      GHE_PROTOCOL: 'http',
      PORT: '0',
    });
    expect(outcome).toMatchObject({
      ok: true,
      config: {
        baseUrl: 'http://127.0.0.1:8080/api/v3',
        port: 0,
        webhookPath: '/api/github/webhooks',
      },
    });
    expect(configFromEnv(COMPLETE)).toMatchObject({
      ok: true,
      config: { baseUrl: 'https://api.github.com', port: 3000 },
    });
  });

  it('accepts a private key with escaped newlines or base64-encoded', () => {
    const escaped = configFromEnv({ ...COMPLETE, PRIVATE_KEY: PEM.replace(/\n/g, '\\n') });
    const encoded = configFromEnv({
      ...COMPLETE,
      PRIVATE_KEY: Buffer.from(PEM).toString('base64'),
    });
    expect(escaped).toMatchObject({ ok: true, config: { privateKey: PEM } });
    expect(encoded).toMatchObject({ ok: true, config: { privateKey: PEM } });
  });
});
