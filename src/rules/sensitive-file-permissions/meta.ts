import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'sensitive-file-permissions',
  title: 'Sensitive system file readable or writable by too many',
  severity: 'high',
  category: 'sensitive-file-permissions',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A task or resource gives a file that guards the host a mode looser than the file needs: `/etc/shadow` or `/etc/gshadow` readable by every user (password hashes, for offline cracking), a private key (SSH host keys, `~/.ssh/id_*`, keys in `/etc/ssl/private`) readable by others, sudoers readable by all or writable by its group, `/etc/passwd`, `sshd_config` or root's `.ssh` writable by the group, a credentials file (`.netrc`, `.pgpass`, `.my.cnf`, `.aws/credentials`, `.docker/config.json`) readable by its group or others, log files in `/var/log` readable by every user. World-writable modes are reported by `insecure-file-permissions` and not again here.",
  remediation:
    'Give the file the mode its owner needs and no more: `0640` (root:shadow) or `0000` for `/etc/shadow`, `0440` for sudoers, `0600` for SSH private keys, `0600` or `0640` with the `ssl-cert` group for TLS keys, `0644` for `/etc/passwd` and `sshd_config`, `0700` for `/root/.ssh`, `0600` for credentials files, `0640` (group `adm`) for logs.',
  cwe: 'CWE-732',
  catalog: ['FILE-05', 'SEC-14', 'LOG-04'],
};
