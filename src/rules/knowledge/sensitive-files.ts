/**
 * Files whose mode decides who owns the host: password hashes, sudo rules, the SSH server's
 * configuration and keys, private keys. Each with the permission bits it must not have and
 * why; world-writable modes are wrong anywhere and judged elsewhere.
 */
import type { Severity } from '../../model/finding.js';

const OTHER_READ = 0o004;
const GROUP_READ = 0o040;
const GROUP_WRITE = 0o020;

export interface SensitiveFile {
  /** the path on the host; a template expression reads as one name part (`support/destinations.ts`) */
  path: RegExp;
  /** what the file holds, for the message: "it holds every account's password hash" */
  holds: string;
  /** the read and write bits it must not have */
  forbidden: number;
  /** the bits the suggested mode takes off */
  clear: number;
  severity: Severity;
  /**
   * judged only where the path is known to be a file: a directory by that path is only listed,
   * and a command's target may be either
   */
  filesOnly?: boolean;
}

/** In order: the first whose path matches judges the file. */
export const SENSITIVE_FILES: readonly SensitiveFile[] = [
  {
    path: /^\/etc\/g?shadow-?$/,
    holds: "it holds every account's password hash, for offline cracking",
    forbidden: OTHER_READ | GROUP_WRITE,
    clear: 0o027,
    severity: 'high',
  },
  {
    path: /^\/etc\/(passwd|group)-?$/,
    holds: 'whoever writes it can give any account user id 0 or the root group',
    forbidden: GROUP_WRITE,
    clear: 0o022,
    severity: 'high',
  },
  {
    path: /^\/etc\/sudoers(\.d\/[^/]+)?$/,
    holds: 'it says who may run what as root',
    forbidden: OTHER_READ | GROUP_WRITE,
    clear: 0o227,
    severity: 'medium',
  },
  {
    path: /^\/etc\/ssh\/sshd_config(\.d\/[^/]+)?$/,
    holds: 'it says who may log in over SSH and how',
    forbidden: GROUP_WRITE,
    clear: 0o022,
    severity: 'medium',
  },
  {
    path: /(^|\/)ssh_host_[^/.]*_key$/,
    holds: "it is the SSH server's private host key: whoever reads it can impersonate the host",
    forbidden: OTHER_READ | GROUP_WRITE,
    clear: 0o077,
    severity: 'high',
  },
  {
    path: /(^|\/)\.ssh\/id_[^/.]+$/,
    holds: 'it is an SSH private key: whoever reads it logs in wherever the key is accepted',
    forbidden: OTHER_READ | GROUP_READ | GROUP_WRITE,
    clear: 0o077,
    severity: 'high',
  },
  {
    path: /^\/etc\/(ssl|pki\/tls)\/private\/[^/]+\.(key|pem)$/,
    holds:
      'it is a TLS private key: whoever reads it can impersonate the service and read its traffic',
    forbidden: OTHER_READ | GROUP_WRITE,
    clear: 0o027,
    severity: 'high',
  },
  {
    path: /^\/root\/\.ssh(\/[^/]+)?$/,
    holds: "whoever writes there can add a key to root's `authorized_keys`",
    forbidden: GROUP_WRITE,
    clear: 0o077,
    severity: 'medium',
  },
  {
    path: /(^|\/)(\.netrc|\.pgpass|\.my\.cnf|\.git-credentials|\.pypirc|\.s3cfg|\.aws\/credentials|\.docker\/config\.json)$/,
    holds: 'it holds a password or token in clear text, which every account that reads it can use',
    forbidden: OTHER_READ | GROUP_READ | GROUP_WRITE,
    clear: 0o077,
    severity: 'high',
  },
  {
    path: /^\/var\/log\/(audit(\/[^/]+)?|auth\.log|secure|btmp|sudo\.log|faillog)$/,
    holds:
      'it is the log of logins and audit events: it shows who logged in from where, and mistyped passwords land in it as user names',
    forbidden: OTHER_READ | GROUP_WRITE,
    clear: 0o027,
    severity: 'medium',
    filesOnly: true,
  },
  {
    path: /^\/var\/log\/.+/,
    holds: 'log lines can carry session ids, tokens and first-run passwords',
    forbidden: OTHER_READ,
    clear: 0o007,
    severity: 'low',
    filesOnly: true,
  },
];

/**
 * Programs that distributions ship setuid or setgid root because they cannot work otherwise:
 * giving one of them its usual bit back restores the packaged mode rather than adding a way to
 * root. Matched by the file's base name.
 */
export const STANDARD_SETUID_PROGRAMS: ReadonlySet<string> = new Set([
  'at',
  'chage',
  'chfn',
  'chsh',
  'crontab',
  'dbus-daemon-launch-helper',
  'expiry',
  'fusermount',
  'fusermount3',
  'gpasswd',
  'mount',
  'newgidmap',
  'newgrp',
  'newuidmap',
  'passwd',
  'pkexec',
  'ping',
  'ping6',
  'polkit-agent-helper-1',
  'ssh-keysign',
  'su',
  'sudo',
  'sudoedit',
  'umount',
  'unix_chkpwd',
  'wall',
  'write',
]);

/**
 * Folders whose removal breaks or wipes the host: the root, the top-level system folders and
 * the trees that hold every user's or service's data. A recursive delete that can reach one of
 * them (an empty variable in front of `/`) is one typo from an outage.
 */
export const SYSTEM_ROOTS: ReadonlySet<string> = new Set([
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/opt',
  '/proc',
  '/root',
  '/sbin',
  '/srv',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/var',
  '/var/lib',
  '/var/log',
]);

/**
 * Folders every local user can write to (`/tmp`, `/var/tmp`, `/dev/shm`) and the users' own
 * trees (`/home/<user>`): a fixed name there can be created first, or swapped for a symbolic
 * link, by an account other than the one running the task.
 */
export const SHARED_WRITABLE = /^\/(tmp|var\/tmp|dev\/shm)\/|^\/home\/[^/]+\//;
