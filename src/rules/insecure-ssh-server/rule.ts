import type { Rule } from '../rule.js';
import { checkSettings, type Verdict } from '../support/config-settings.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/** `yes`, or what YAML and Ruby write for it. */
const YES = /^(yes|true)$/i;
const NO = /^(no|false)$/i;

type Judgement = (value: string) => Verdict | undefined;

/** Forwarding OpenSSH leaves off unless the configuration turns it on (HARD-03). */
const FORWARDING: Readonly<Record<string, Judgement>> = lookupTable({
  x11forwarding: (value) =>
    YES.test(value)
      ? {
          problem:
            'clients may forward their X11 display: a compromised server can then read their keystrokes and screens',
          severity: 'low',
        }
      : undefined,
  gatewayports: (value) =>
    YES.test(value) || /^clientspecified$/i.test(value)
      ? {
          problem:
            'ports users forward to this host listen on every address, not only on loopback: anyone on the network reaches the tunnel',
          severity: 'low',
        }
      : undefined,
  permittunnel: (value) =>
    YES.test(value) || /^(point-to-point|ethernet)$/i.test(value)
      ? {
          problem:
            'users may open tun/tap devices over SSH: a network-level tunnel into the host’s networks that firewalls do not see',
          severity: 'low',
        }
      : undefined,
});

/** Seconds in an sshd time value: `90`, `2m`, `1h30m`; undefined when it is not one. */
function seconds(value: string): number | undefined {
  if (!/^(\d+[smhdw]?)+$/i.test(value)) return undefined;
  const unit: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  for (const [, amount, suffix] of value.matchAll(/(\d+)([smhdw]?)/gi))
    total += Number(amount) * (unit[(suffix ?? '').toLowerCase() || 's'] ?? 1);
  return total;
}

/** OpenSSH's defaults for the brute-force limits: 6 tries, 120 seconds, `MaxStartups 10:30:100`. */
const DEFAULT_MAX_AUTH_TRIES = 6;
const DEFAULT_LOGIN_GRACE_SECONDS = 120;
const DEFAULT_MAX_STARTUPS = 10;
const DEFAULT_MAX_STARTUPS_FULL = 100;

/** Limits against password guessing and connection floods raised above OpenSSH's defaults (HARD-04). */
const LIMITS: Readonly<Record<string, Judgement>> = lookupTable({
  maxauthtries: (value) =>
    /^\d+$/.test(value) && Number(value) > DEFAULT_MAX_AUTH_TRIES
      ? {
          problem: `each connection may try ${value} passwords or keys (OpenSSH allows ${DEFAULT_MAX_AUTH_TRIES}): more guesses per connection for a brute-force attack`,
          severity: 'low',
        }
      : undefined,
  logingracetime: (value) => {
    const limit = seconds(value);
    if (limit === 0)
      return {
        problem:
          'unauthenticated connections are never timed out: anyone can hold connection slots open and lock others out',
        severity: 'low',
      };
    return limit !== undefined && limit > DEFAULT_LOGIN_GRACE_SECONDS
      ? {
          problem: `unauthenticated connections may stay open for ${limit} seconds (OpenSSH allows ${DEFAULT_LOGIN_GRACE_SECONDS}): slow guessing and slot exhaustion get easier`,
          severity: 'low',
        }
      : undefined;
  },
  maxstartups: (value) => {
    const match = /^(\d+)(?::\d+:(\d+))?$/.exec(value);
    if (!match) return undefined;
    const start = Number(match[1]);
    const full = match[2] === undefined ? start : Number(match[2]);
    return start > DEFAULT_MAX_STARTUPS || full > DEFAULT_MAX_STARTUPS_FULL
      ? {
          problem: `sshd accepts ${full} unauthenticated connections at once before refusing (OpenSSH starts dropping at ${DEFAULT_MAX_STARTUPS}): parallel password guessing gets easier`,
          severity: 'low',
        }
      : undefined;
  },
});

/** Log levels below OpenSSH's default `INFO`, which drop failed and accepted logins. */
const QUIET_LOG_LEVELS = /^(quiet|fatal|error)$/i;
/** Facilities whose messages land in the authentication log. */
const AUTH_FACILITIES = /^auth(priv)?$/i;

/** sshd logging turned down or moved out of the authentication log (LOG-03). */
const LOGGING: Readonly<Record<string, Judgement>> = lookupTable({
  loglevel: (value) =>
    QUIET_LOG_LEVELS.test(value)
      ? {
          problem:
            'sshd stops logging logins, failed or accepted: brute-force attempts and who logged in leave no trace',
          severity: 'low',
        }
      : undefined,
  syslogfacility: (value) =>
    /^[a-z]+\d?$/i.test(value) && !AUTH_FACILITIES.test(value)
      ? {
          problem:
            'sshd logs outside the AUTH facility: its login records leave the authentication log that monitoring and retention are set up for',
          severity: 'low',
        }
      : undefined,
});

/**
 * What an sshd setting does when it weakens who may log in and how, by lower-case name; the
 * values that do it. Forwarding, limits and logging are judged only where the value is weaker
 * than OpenSSH's own default: leaving `AllowTcpForwarding` at `yes` or `LogLevel` at `INFO` is
 * the default, not a change a reviewer should question.
 */
const JUDGEMENTS: Readonly<Record<string, Judgement>> = lookupTable({
  permitrootlogin: (value) =>
    YES.test(value)
      ? {
          problem:
            'root may log in over SSH with a password: one guessed or leaked password is the whole host, and no log says who it was',
        }
      : undefined,
  permitemptypasswords: (value) =>
    YES.test(value)
      ? { problem: 'accounts with an empty password may log in over SSH without one' }
      : undefined,
  passwordauthentication: (value) =>
    YES.test(value)
      ? {
          problem:
            'SSH accepts passwords, which can be guessed, sprayed and phished; keys or certificates cannot',
          severity: 'medium',
        }
      : undefined,
  protocol: (value) =>
    /(^|,)\s*1\s*(,|$)/.test(value)
      ? { problem: 'SSH protocol 1 is broken (session hijacking, CRC-32 compensation attacks)' }
      : undefined,
  hostbasedauthentication: (value) =>
    YES.test(value)
      ? {
          problem:
            'any user of a trusted host may log in as the same user here, on that host’s word alone',
          severity: 'medium',
        }
      : undefined,
  ignorerhosts: (value) =>
    NO.test(value)
      ? {
          problem:
            "users' `.rhosts` and `.shosts` files are honoured: each user can grant others password-free access",
          severity: 'medium',
        }
      : undefined,
  permituserenvironment: (value) =>
    YES.test(value)
      ? {
          problem:
            'users can set environment variables such as `LD_PRELOAD` for their sessions, bypassing forced commands and restricted shells',
          severity: 'medium',
        }
      : undefined,
  strictmodes: (value) =>
    NO.test(value)
      ? {
          problem:
            'sshd uses key files and home folders that others can write to: anyone who can write there can add a key',
          severity: 'medium',
        }
      : undefined,
  ...FORWARDING,
  ...LIMITS,
  ...LOGGING,
});

export const insecureSshServer: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['sshd'], (name, value) => JUDGEMENTS[name.toLowerCase()]?.(value));
  },
};
