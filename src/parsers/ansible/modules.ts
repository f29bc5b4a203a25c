/**
 * Module names that make a YAML list item an Ansible task: the builtin modules, the common
 * collection modules by their short names, and families named by a prefix. Any fully qualified
 * collection name (`community.general.ufw`) is a module too.
 */

const KNOWN_MODULES = new Set([
  // ansible.builtin
  'add_host', 'apt', 'apt_key', 'apt_repository', 'assemble', 'assert', 'async_status', 'blockinfile',
  'command', 'copy', 'cron', 'deb822_repository', 'debconf', 'debug', 'dnf', 'dnf5', 'dpkg_selections',
  'expect', 'fail', 'fetch', 'file', 'find', 'gather_facts', 'get_url', 'getent', 'git', 'group',
  'group_by', 'hostname', 'import_playbook', 'import_role', 'import_tasks', 'include', 'include_role',
  'include_tasks', 'include_vars', 'iptables', 'known_hosts', 'lineinfile', 'meta', 'mount_facts',
  'package', 'package_facts', 'pause', 'ping', 'pip', 'raw', 'reboot', 'replace', 'rpm_key', 'script',
  'service', 'service_facts', 'set_fact', 'set_stats', 'setup', 'shell', 'slurp', 'stat', 'subversion',
  'systemd', 'systemd_service', 'sysvinit', 'tempfile', 'template', 'unarchive', 'uri', 'user',
  'validate_argument_spec', 'wait_for', 'wait_for_connection', 'yum', 'yum_repository',
  // common collection modules, often written by their short names
  'acl', 'alternatives', 'archive', 'authorized_key', 'capabilities', 'filesystem', 'firewalld', 'gem',
  'homebrew', 'htpasswd', 'ini_file', 'kernel_blacklist', 'locale_gen', 'lvg', 'lvol', 'make', 'modprobe',
  'mount', 'nmcli', 'npm', 'pacman', 'pam_limits', 'pamd', 'parted', 'seboolean', 'sefcontext', 'selinux',
  'selinux_permissive', 'seport', 'snap', 'flatpak', 'sudoers', 'synchronize', 'sysctl', 'timezone', 'ufw',
  'xml', 'zypper', 'zypper_repository', 'k8s', 'helm', 'docker_compose', 'runit', 'supervisorctl',
  'rabbitmq_user', 'rabbitmq_vhost', 'redis', 'easy_install', 'composer', 'puppet', 'osx_defaults',
]);

/** Families of modules named by a common prefix (`win_copy`, `docker_container`, `azure_rm_vm`). */
const MODULE_PREFIXES = /^(win|docker|podman|openssl|x509|mysql|postgresql|mongodb|ec2|s3|iam|route53|rds|elb|azure_rm|gcp|gce|os|openstack|vmware|k8s|kubevirt|nxos|ios|junos|eos|proxmox|zfs|lxc|lxd|virt|consul|jenkins|grafana|gitlab|github|cloudflare|digital_ocean|hcloud|linode|vultr|community)_[a-z0-9_]+$/;

const FULLY_QUALIFIED = /^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/;

export function isKnownModule(key: string): boolean {
  return KNOWN_MODULES.has(key) || FULLY_QUALIFIED.test(key) || MODULE_PREFIXES.test(key);
}
