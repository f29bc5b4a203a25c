import type { Rule } from '../rule.js';
import { checkSettings, type Verdict } from '../support/config-settings.js';

/** `yes`, or what YAML and Ruby write for it. */
const YES = /^(yes|true)$/i;
const NO = /^(no|false)$/i;

/**
 * What an sshd setting does when it weakens who may log in and how, by lower-case name; the
 * values that do it. Settings that only deviate from a hardening baseline (forwarding, limits,
 * log levels) are not here: they are choices, not holes.
 */
const JUDGEMENTS: Readonly<Record<string, (value: string) => Verdict | undefined>> = {
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
};

export const insecureSshServer: Rule = {
  meta: {
    id: 'insecure-ssh-server',
    title: 'SSH server allows root, empty or password logins',
    severity: 'high',
    category: 'insecure-ssh-server',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      "An `sshd_config` that the code deploys (a template, a file, a line written with `lineinfile`/`file_line`, Puppet's `sshd_config` type) lets root log in with a password (`PermitRootLogin yes`), lets accounts without a password in (`PermitEmptyPasswords yes`), accepts passwords at all, speaks protocol 1, or trusts other hosts and users' own files (`HostbasedAuthentication yes`, `IgnoreRhosts no`, `PermitUserEnvironment yes`, `StrictModes no`). When a variable gives the value, the finding is on the line that sets the variable and names where the value lands.",
    remediation:
      'Set `PermitRootLogin prohibit-password` (or `no`) and log in as a named user who escalates with sudo, `PermitEmptyPasswords no`, `PasswordAuthentication no` with keys or SSH certificates, and leave the trust settings at their secure defaults.',
    cwe: 'CWE-287',
    catalog: ['PRIV-05', 'PRIV-06', 'HARD-05'],
  },
  check(context) {
    checkSettings(context, ['sshd'], (name, value) => JUDGEMENTS[name.toLowerCase()]?.(value));
  },
};
