/**
 * Files whose mode decides who owns the host: password hashes, sudo rules, the SSH server's
 * configuration and keys, private keys. Each with the permission bits it must not have and
 * why; world-writable modes are wrong anywhere and judged elsewhere.
 */
import type { Severity } from '../../engine/finding.js';

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
];
