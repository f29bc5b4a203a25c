import type { FormatSpec } from '../format-spec.js';

/** OpenSSH's server and client configuration. */
export const SSH_FORMATS: readonly FormatSpec[] = [
  {
    format: 'sshd',
    label: 'sshd_config',
    syntax: 'keyword',
    sections: ['Match'],
    name: /(^|[._-])sshd[_-]config([._-][\w.-]*)?$/i,
    folder: /(^|\/)sshd_config\.d$/,
    destination: /^\/etc\/ssh\/sshd_config(\.d\/[^/]+)?$/,
  },
  {
    format: 'ssh',
    label: 'ssh_config',
    syntax: 'keyword',
    sections: ['Host', 'Match'],
    name: /(^|[._-])ssh[_-]config([._-][\w.-]*)?$/i,
    folder: /(^|\/)ssh_config\.d$/,
    destination: /^\/etc\/ssh\/ssh_config(\.d\/[^/]+)?$|\/\.ssh\/config$/,
  },
];
