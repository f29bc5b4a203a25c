/**
 * What well-known Ansible roles write into a daemon's configuration from their variables, for
 * a run that applies the role without holding its code (installed from Galaxy at deploy time):
 * each directive as the role's own template or task writes it, in Jinja2, so that the variable
 * flow follows it as it would the role's file. Read from each role's published source; a role
 * whose code the run holds is read from that code instead.
 */
import type { ConfigFormat } from '../../model/model.js';

export interface RoleSettings {
  /** the names plays apply the role by */
  names: readonly string[];
  /** the file the role writes, as the rules know it */
  format: ConfigFormat;
  /** each directive, with its value as the role writes it */
  directives: Readonly<Record<string, string>>;
  /** where the directives come from in the role's source */
  source: string;
}

/** `yes` or `no` by a flag through `bool`, as both roles' templates write a switch. */
const yesOrNo = (flag: string) => `{{ 'yes' if (${flag} | bool) else 'no' }}`;

/**
 * The sshd options the rules judge, as the Linux System Roles' sshd role names them: its
 * template writes each as `sshd_<Option>` if defined, else the option's key in the
 * `sshd_config` dict (formerly `sshd`), true and false as `yes` and `no`.
 */
const SYSTEM_ROLE_SSHD_OPTIONS = [
  'PermitRootLogin',
  'PermitEmptyPasswords',
  'PasswordAuthentication',
  'HostbasedAuthentication',
  'IgnoreRhosts',
  'PermitUserEnvironment',
  'StrictModes',
  'Protocol',
  'X11Forwarding',
  'GatewayPorts',
  'PermitTunnel',
  'MaxAuthTries',
  'LoginGraceTime',
  'MaxStartups',
  'LogLevel',
  'SyslogFacility',
  'Ciphers',
  'MACs',
  'KexAlgorithms',
];

const SYSTEM_ROLE_SSHD: RoleSettings = {
  names: [
    'willshersystems.sshd',
    'linux-system-roles.sshd',
    'fedora.linux_system_roles.sshd',
    'rhel-system-roles.sshd',
    'redhat.rhel_system_roles.sshd',
  ],
  format: 'sshd',
  // templates/sshd_config.j2: `body_option(key, sshd_<key>)` falls back on `__sshd_config[key]`,
  // which vars/main.yml sets to `sshd_config` or, when that is empty, `sshd`. The OS defaults
  // the role writes for an option set nowhere are the distribution's, and not judged here.
  source: 'willshersystems/ansible-sshd, templates/sshd_config.j2 and vars/main.yml',
  directives: Object.fromEntries(
    SYSTEM_ROLE_SSHD_OPTIONS.map((option) => [
      option,
      `{{ sshd_${option} | default(sshd_config.${option}) | default(sshd.${option}) }}`,
    ]),
  ),
};

export const ROLE_SETTINGS: readonly RoleSettings[] = [
  {
    names: ['geerlingguy.security'],
    format: 'sshd',
    // tasks/ssh.yml: one `lineinfile` per directive into `security_ssh_config_path`.
    source: 'geerlingguy/ansible-role-security, tasks/ssh.yml',
    directives: {
      PasswordAuthentication: '{{ security_ssh_password_authentication }}',
      PermitRootLogin: '{{ security_ssh_permit_root_login }}',
      UseDNS: '{{ security_ssh_usedns }}',
      PermitEmptyPasswords: '{{ security_ssh_permit_empty_password }}',
      ChallengeResponseAuthentication: '{{ security_ssh_challenge_response_auth }}',
      GSSAPIAuthentication: '{{ security_ssh_gss_api_authentication }}',
      X11Forwarding: '{{ security_ssh_x11_forwarding }}',
    },
  },
  {
    names: ['devsec.hardening.ssh_hardening'],
    format: 'sshd',
    source: 'dev-sec/ansible-collection-hardening, roles/ssh_hardening/templates/opensshd.conf.j2',
    directives: {
      PermitRootLogin: '{{ ssh_permit_root_login }}',
      PasswordAuthentication: yesOrNo('ssh_server_password_login'),
      ChallengeResponseAuthentication: yesOrNo('ssh_challengeresponseauthentication'),
      PermitTunnel: '{{ ssh_permit_tunnel }}',
      X11Forwarding: yesOrNo('ssh_x11_forwarding'),
      AllowAgentForwarding: yesOrNo('ssh_allow_agent_forwarding'),
      PermitUserEnvironment: '{{ ssh_server_permit_environment_vars }}',
      StrictModes: yesOrNo('sshd_strict_modes'),
      MaxAuthTries: '{{ ssh_max_auth_retries }}',
      LoginGraceTime: '{{ ssh_login_grace_time }}',
      MaxStartups: '{{ ssh_max_startups }}',
      LogLevel: '{{ sshd_log_level }}',
      SyslogFacility: '{{ sshd_syslog_facility }}',
    },
  },
  SYSTEM_ROLE_SSHD,
];

const byName = new Map(ROLE_SETTINGS.flatMap((role) => role.names.map((name) => [name, role])));

export function roleSettingsOf(name: string): RoleSettings | undefined {
  return byName.get(name);
}

/**
 * Community cookbooks that write a daemon's configuration from the node attributes under one key:
 * each attribute directly below it is a setting, its name camel-cased as the cookbook's template
 * writes it (`default['openssh']['server']['permit_root_login'] = 'yes'` → `PermitRootLogin yes`).
 */
export interface CookbookAttributeSettings {
  cookbook: string;
  /** the attribute keys the settings sit under */
  under: readonly string[];
  format: ConfigFormat;
}

export const COOKBOOK_ATTRIBUTE_SETTINGS: readonly CookbookAttributeSettings[] = [
  // sous-chefs/openssh: templates/sshd_config.erb and ssh_config.erb
  { cookbook: 'openssh', under: ['openssh', 'server'], format: 'sshd' },
  { cookbook: 'openssh', under: ['openssh', 'client'], format: 'ssh' },
];
