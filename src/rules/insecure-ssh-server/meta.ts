import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'insecure-ssh-server',
  title: 'SSH server allows weak logins, forwarding or silent logins',
  severity: 'high',
  category: 'insecure-ssh-server',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "An `sshd_config` that the code deploys (a template, a file, a line written with `lineinfile`/`file_line`, Puppet's `sshd_config` type) lets root log in with a password (`PermitRootLogin yes`), lets accounts without a password in (`PermitEmptyPasswords yes`), accepts passwords at all, speaks protocol 1, or trusts other hosts and users' own files (`HostbasedAuthentication yes`, `IgnoreRhosts no`, `PermitUserEnvironment yes`, `StrictModes no`). At low severity, it flags values weaker than OpenSSH's defaults: X11 forwarding, gateway ports and tunnel devices turned on; `MaxAuthTries`, `LoginGraceTime` and `MaxStartups` raised above the defaults; `LogLevel` below `INFO`, and `SyslogFacility` other than `AUTH` or `AUTHPRIV`. When a variable gives the value, or decides whether a template writes the line (`{% if ssh_allow_root %}`), the finding is on the line that sets the variable and names where the value lands.",
  remediation:
    'Set `PermitRootLogin prohibit-password` (or `no`) and log in as a named user who escalates with sudo, `PermitEmptyPasswords no`, `PasswordAuthentication no` with keys or SSH certificates, and leave the trust settings at their secure defaults. Leave X11 forwarding, `GatewayPorts` and `PermitTunnel` off (turn them on in a `Match` block for the accounts that need them), keep `MaxAuthTries`, `LoginGraceTime` and `MaxStartups` at or below OpenSSH’s defaults, and log at `VERBOSE` to the `AUTH` facility.',
  cwe: 'CWE-287',
  catalog: ['PRIV-05', 'PRIV-06', 'HARD-05', 'HARD-03', 'HARD-04', 'LOG-03', 'HARD-10'],
};
