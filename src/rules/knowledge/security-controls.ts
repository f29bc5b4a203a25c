/**
 * Host security controls that must stay on: mandatory access control, firewalls, auditing.
 */

/** Service names whose stopping or disabling turns a control off. */
export const CONTROL_SERVICES =
  /^(firewalld|ufw|iptables|ip6tables|nftables|netfilter-persistent|apparmor|auditd|selinux|fail2ban|aide|rsyslog-audit)(\.service)?$/;

/** Module and resource types that manage services. */
export const SERVICE_TYPES = new Set([
  'service',
  'systemd',
  'systemd_service',
  'sysvinit',
  'win_service',
]);

/** Text that sets SELinux off in its config file. */
export const SELINUX_OFF_TEXT = /\bSELINUX\s*=\s*(disabled|permissive)\b/;
