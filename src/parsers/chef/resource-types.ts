/**
 * The Chef DSL's vocabulary: resource types a recipe can declare without a block, the resource
 * keywords that are not properties, and the block-taking methods that are not resources.
 */

/** Core Chef Infra resources, and the community ones cookbooks use most. */
export const RESOURCE_TYPES: ReadonlySet<string> = new Set([
  // packages
  'package', 'apt_package', 'bff_package', 'cab_package', 'chef_gem', 'chocolatey_package', 'dmg_package',
  'dnf_package', 'dpkg_package', 'easy_install_package', 'freebsd_package', 'gem_package', 'homebrew_cask',
  'homebrew_package', 'ips_package', 'macports_package', 'msu_package', 'openbsd_package', 'pacman_package',
  'paludis_package', 'portage_package', 'powershell_package', 'rpm_package', 'smartos_package', 'snap_package',
  'solaris_package', 'windows_package', 'yum_package', 'zypper_package', 'habitat_package', 'python_package',
  'pip_package',
  // package sources
  'apt_preference', 'apt_repository', 'apt_update', 'yum_repository', 'zypper_repository', 'homebrew_tap',
  'homebrew_update', 'chocolatey_source', 'chocolatey_config', 'chocolatey_feature', 'powershell_package_source',
  'rhsm_errata', 'rhsm_errata_level', 'rhsm_register', 'rhsm_repo', 'rhsm_subscription',
  // files
  'file', 'cookbook_file', 'template', 'remote_file', 'remote_directory', 'directory', 'link', 'archive_file',
  'plist', 'macos_userdefaults', 'ini_file',
  // commands
  'execute', 'bash', 'batch', 'csh', 'ksh', 'perl', 'python', 'ruby', 'script', 'ruby_block',
  'powershell_script', 'dsc_resource', 'dsc_script', 'erl_call',
  // services and scheduling
  'service', 'systemd_unit', 'launchd', 'macosx_service', 'windows_service', 'cron', 'cron_d', 'cron_access',
  'windows_task', 'chef_client_cron', 'chef_client_launchd', 'chef_client_scheduled_task',
  'chef_client_systemd_timer', 'chef_client_config', 'chef_client_trusted_certificate', 'runit_service',
  'poise_service',
  // accounts and access
  'user', 'group', 'linux_user', 'aix_user', 'dscl_user', 'mac_user', 'pw_user', 'solaris_user', 'windows_user',
  'sudo', 'user_ulimit', 'windows_user_privilege', 'windows_security_policy', 'windows_uac', 'ssh_known_hosts_entry',
  'users_manage',
  // source control and transfer
  'git', 'subversion', 'http_request', 'remote_file_s3', 'deploy', 'deploy_revision', 'deploy_branch',
  // system
  'mount', 'hostname', 'ifconfig', 'route', 'sysctl', 'kernel_module', 'swap_file', 'timezone', 'locale',
  'mdadm', 'reboot', 'alternatives', 'notify_group', 'log', 'chef_sleep', 'ohai', 'ohai_hint', 'env',
  'build_essential', 'osx_profile', 'breakpoint', 'chef_handler', 'whyrun_safe_ruby_block',
  // security
  'selinux_boolean', 'selinux_fcontext', 'selinux_install', 'selinux_login', 'selinux_module',
  'selinux_permissive', 'selinux_port', 'selinux_state', 'selinux_user', 'openssl_dhparam',
  'openssl_ec_private_key', 'openssl_ec_public_key', 'openssl_rsa_private_key', 'openssl_rsa_public_key',
  'openssl_x509_certificate', 'openssl_x509_crl', 'openssl_x509_request', 'firewall', 'firewall_rule',
  'firewalld', 'iptables_rule', 'ufw_rule', 'chef_vault_secret', 'inspec_input', 'inspec_waiver',
  'inspec_waiver_file_entry',
  // Chef server objects
  'chef_acl', 'chef_client', 'chef_container', 'chef_data_bag', 'chef_data_bag_item', 'chef_environment',
  'chef_group', 'chef_node', 'chef_organization', 'chef_role', 'chef_user',
  // Habitat
  'habitat_config', 'habitat_install', 'habitat_service', 'habitat_sup', 'habitat_user_toml',
  // Windows
  'registry_key', 'windows_ad_join', 'windows_audit_policy', 'windows_auto_run', 'windows_certificate',
  'windows_defender', 'windows_defender_exclusion', 'windows_dfs_folder', 'windows_dfs_namespace',
  'windows_dfs_server', 'windows_dns_record', 'windows_dns_zone', 'windows_env', 'windows_feature',
  'windows_feature_dism', 'windows_feature_powershell', 'windows_firewall_profile', 'windows_firewall_rule',
  'windows_font', 'windows_pagefile', 'windows_path', 'windows_printer', 'windows_printer_port', 'windows_share',
  'windows_shortcut', 'windows_update_settings', 'windows_workgroup',
]);

/** Guards and notifications: resource keywords rather than properties. */
export const RESOURCE_KEYWORDS: ReadonlySet<string> = new Set(['only_if', 'not_if', 'notifies', 'subscribes']);

/** Properties that take a block of Ruby code rather than declare resources inside it. */
export const BLOCK_PROPERTIES: ReadonlySet<string> = new Set(['only_if', 'not_if', 'block', 'lazy']);

/**
 * Methods that take a block holding Ruby code or other resources, never properties of their
 * own: custom-resource and provider structure, test DSLs, iteration helpers.
 */
export const NOT_RESOURCES: ReadonlySet<string> = new Set([
  'action', 'action_class', 'load_current_value', 'converge_by', 'converge_if_changed', 'with_run_context',
  'declare_resource', 'edit_resource', 'edit_resource!', 'find_resource', 'find_resource!', 'delete_resource',
  'delete_resource!', 'notifying_block', 'compile_time', 'property', 'attribute', 'define', 'lazy', 'proc',
  'lambda', 'loop', 'at_exit', 'catch', 'describe', 'context', 'it', 'its', 'specify', 'before', 'after', 'around',
  'let', 'let!', 'subject', 'control', 'shared_examples', 'shared_context', 'include_context', 'include_examples',
  'it_behaves_like', 'expect', 'allow', 'platform', 'step_into', 'stub_command', 'define_method', 'module_function',
  'send', 'public_send', '__send__', 'instance_eval', 'instance_exec', 'class_eval', 'module_eval', 'tap', 'then',
]);
