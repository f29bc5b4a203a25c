/** Installation access tokens the GitHub stand-in issued, each valid for one installation for an hour. */
import { randomBytes } from 'node:crypto';

const LIFETIME_MS = 3600_000;

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

export class InstallationTokens {
  readonly #tokens = new Map<string, { installationId: number; expiresAtMs: number }>();

  issue(installationId: number, nowMs = Date.now()): IssuedToken {
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    this.#tokens.set(token, { installationId, expiresAtMs: nowMs + LIFETIME_MS });
    return { token, expiresAt: new Date(nowMs + LIFETIME_MS).toISOString() };
  }

  /** The installation of the token in an `Authorization: token …` (or `bearer …`) header, while it is valid. */
  installationOf(authorization: string | undefined, nowMs = Date.now()): number | undefined {
    const token = /^(?:token|bearer) (\S+)$/i.exec(authorization ?? '')?.[1];
    const issued = token === undefined ? undefined : this.#tokens.get(token);
    return issued && issued.expiresAtMs > nowMs ? issued.installationId : undefined;
  }
}
