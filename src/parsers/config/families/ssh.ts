import type { FormatSpec } from '../format-spec.js';

/** OpenSSH's server and client configuration. */
export const SSH_FORMATS: readonly FormatSpec[] = [
  {
    format: 'sshd',
    label: 'sshd_config',
    syntax: 'keyword',
    files: '`sshd_config`, `sshd_config.d/*`, or deployed to `/etc/ssh/sshd_config`',
    checks:
      'root, empty and password logins, protocol 1, trust settings (`insecure-ssh-server`); weak ciphers, MACs and key exchange (`weak-crypto`)',
    sections: ['Match'],
    firstValueWins: {
      repeatable: [
        'AcceptEnv',
        'AllowGroups',
        'AllowUsers',
        'ChannelTimeout',
        'DenyGroups',
        'DenyUsers',
        'HostCertificate',
        'HostKey',
        'Include',
        'ListenAddress',
        'PermitListen',
        'PermitOpen',
        'Port',
        'SetEnv',
        'Subsystem',
      ],
    },
    name: /(^|[._-])sshd[_-]config([._-][\w.-]*)?$/i,
    folder: /(^|\/)sshd_config\.d$/,
    destination: /^\/etc\/ssh\/sshd_config(\.d\/[^/]+)?$/,
  },
  {
    format: 'ssh',
    label: 'ssh_config',
    syntax: 'keyword',
    files:
      '`ssh_config`, `ssh_config.d/*`, or deployed to `/etc/ssh/ssh_config` or `~/.ssh/config`',
    checks:
      'host key checking off (`ssh-host-key-checking-disabled`); weak algorithms (`weak-crypto`)',
    sections: ['Host', 'Match'],
    firstValueWins: {
      repeatable: [
        'CertificateFile',
        'DynamicForward',
        'IdentityFile',
        'Include',
        'LocalForward',
        'RemoteForward',
        'SendEnv',
        'SetEnv',
      ],
    },
    name: /(^|[._-])ssh[_-]config([._-][\w.-]*)?$/i,
    folder: /(^|\/)ssh_config\.d$/,
    destination: /^\/etc\/ssh\/ssh_config(\.d\/[^/]+)?$|\/\.ssh\/config$/,
  },
];
