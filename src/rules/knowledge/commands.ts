/**
 * Where each language keeps shell text: the resource or module types that run a command,
 * and the attributes holding it.
 */
import type { Language } from '../../engine/model.js';

export const COMMAND_ATTRIBUTES: Record<Language, Readonly<Record<string, readonly string[]>>> = {
  ansible: {
    command: ['_raw_params', 'cmd', 'argv'],
    shell: ['_raw_params', 'cmd'],
    raw: ['_raw_params'],
  },
  puppet: {
    exec: ['command', 'unless', 'onlyif'],
  },
  chef: {
    execute: ['command'],
    bash: ['code'],
    script: ['code'],
    sh: ['code'],
    csh: ['code'],
    ksh: ['code'],
    // Ruby that runs a command from a recipe or library.
    shell_out: ['argument'],
    'shell_out!': ['argument'],
    shell_out_compacted: ['argument'],
    'shell_out_compacted!': ['argument'],
    system: ['argument'],
    exec: ['argument'],
    spawn: ['argument'],
    popen: ['argument'],
    capture2: ['argument'],
    capture2e: ['argument'],
    capture3: ['argument'],
  },
};

/** Where the command is when the type's command attribute is absent: the resource's title. */
export const COMMAND_FROM_TITLE: Record<Language, Readonly<Record<string, string>>> = {
  ansible: {},
  puppet: { exec: 'title' },
  chef: { execute: 'name' },
};

/** Shells that run whatever arrives on their standard input. */
export const SHELL_INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'ksh', 'dash', 'ash', 'fish', 'python', 'python3', 'python2', 'perl', 'ruby', 'php', 'node']);

/** Programs that fetch from the network. */
export const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);

/** Wrappers that run the command named in their arguments. */
export const COMMAND_WRAPPERS = new Set(['sudo', 'env', 'nohup', 'exec', 'time', 'nice', 'doas', 'su']);
