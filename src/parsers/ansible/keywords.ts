/**
 * Ansible's playbook keywords (docs: "Playbook Keywords"): every other key of a task is its module.
 */
export const TASK_KEYWORDS = new Set([
  'action',
  'any_errors_fatal',
  'args',
  'async',
  'become',
  'become_exe',
  'become_flags',
  'become_method',
  'become_user',
  'changed_when',
  'check_mode',
  'collections',
  'connection',
  'debugger',
  'delay',
  'delegate_facts',
  'delegate_to',
  'diff',
  'environment',
  'failed_when',
  'ignore_errors',
  'ignore_unreachable',
  'local_action',
  'loop',
  'loop_control',
  'module_defaults',
  'name',
  'no_log',
  'notify',
  'poll',
  'port',
  'register',
  'remote_user',
  'retries',
  'run_once',
  'tags',
  'throttle',
  'timeout',
  'until',
  'vars',
  'when',
  'listen',
]);

export const BLOCK_SECTIONS = ['block', 'rescue', 'always'] as const;

export const PLAY_TASK_SECTIONS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'] as const;

/** Modules whose free-form text is a command rather than `key=value` arguments. */
export const FREE_FORM_MODULES = new Set([
  'command',
  'shell',
  'raw',
  'script',
  'win_command',
  'win_shell',
  'include_tasks',
  'import_tasks',
  'include_vars',
  'import_playbook',
  'include',
  'meta',
  'add_host',
  'group_by',
  'set_fact',
]);

/** The `key=value` options that command-like modules take beside their free-form text. */
export const COMMAND_OPTIONS = new Set([
  'chdir',
  'creates',
  'removes',
  'executable',
  'warn',
  'stdin',
  'stdin_add_newline',
  'strip_empty_ends',
  'argv',
  'cmd',
  'free_form',
  'decrypt',
]);

export function isLoopKeyword(key: string): boolean {
  return key.startsWith('with_');
}

/** `ansible.builtin.get_url` and `community.general.ufw` → `get_url`, `ufw`. */
export function shortModuleName(name: string): string {
  const parts = name.split('.');
  return parts.length >= 3 ? (parts[parts.length - 1] ?? name) : name;
}
