/**
 * Where each language keeps shell text: the resource or module types that run a command,
 * and the attributes holding it.
 */
import type { Language } from '../../model/model.js';
import { lookupTable, lookupTables } from '../../shared/lookup-table.js';

export const COMMAND_ATTRIBUTES: Partial<
  Record<Language, Readonly<Record<string, readonly string[]>>>
> = lookupTables({
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
});

/** Where the command is when the type's command attribute is absent: the resource's title. */
export const COMMAND_FROM_TITLE: Partial<Record<Language, Readonly<Record<string, string>>>> =
  lookupTables({
    ansible: {},
    puppet: { exec: 'title' },
    chef: { execute: 'name' },
  });

/** Shells that run whatever arrives on their standard input. */
export const SHELL_INTERPRETERS = new Set([
  'sh',
  'bash',
  'zsh',
  'ksh',
  'dash',
  'ash',
  'fish',
  'python',
  'python3',
  'python2',
  'perl',
  'ruby',
  'php',
  'node',
]);

/** Programs that fetch from the network. */
export const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);

/**
 * Client options that turn certificate verification off, by program: a flag alone (`curl -k`),
 * or `--flag=false` for options that keep verification on (`podman --tls-verify=false`).
 */
export interface TlsClientOptions {
  /** short flags that skip verification (`k` for `curl -k`, also grouped: `-fsSLk`) */
  short?: readonly string[];
  /** long options that skip verification when present, or set to a true value */
  skip: readonly string[];
  /** long options that skip verification when set to a false value */
  verifyWhenTrue?: readonly string[];
}

export const TLS_CLIENT_OPTIONS: Readonly<Record<string, TlsClientOptions>> = lookupTable({
  curl: { short: ['k'], skip: ['--insecure'] },
  wget: { skip: ['--no-check-certificate'] },
  pip: { skip: ['--trusted-host'] },
  pip3: { skip: ['--trusted-host'] },
  helm: { skip: ['--insecure-skip-tls-verify'] },
  kubectl: { skip: ['--insecure-skip-tls-verify'] },
  'metrics-server': { skip: ['--kubelet-insecure-tls'] },
  podman: { skip: [], verifyWhenTrue: ['--tls-verify'] },
  skopeo: { skip: [], verifyWhenTrue: ['--tls-verify', '--src-tls-verify', '--dest-tls-verify'] },
  buildah: { skip: [], verifyWhenTrue: ['--tls-verify'] },
  docker: { skip: ['--insecure-registry'] },
  dockerd: { skip: ['--insecure-registry'] },
});

/**
 * Environment variables that turn certificate verification off for every client that reads them,
 * with the values that do (git skips the checks whatever `GIT_SSL_NO_VERIFY` holds; only the
 * values that say so are reported, so that a report never rests on that quirk).
 */
export const TLS_SKIPPING_VARIABLES: Readonly<Record<string, string>> = lookupTable({
  GIT_SSL_NO_VERIFY: '1|true',
  PYTHONHTTPSVERIFY: '0',
  NODE_TLS_REJECT_UNAUTHORIZED: '0',
  CURL_INSECURE: '1|true',
});

/** One of those variables set in command text: `GIT_SSL_NO_VERIFY=1 git clone …`. */
export const TLS_SKIPPING_ENVIRONMENT = new RegExp(
  `\\b(${Object.entries(TLS_SKIPPING_VARIABLES)
    .map(([name, values]) => `${name}=(${values})`)
    .join('|')})\\b`,
);

/**
 * SSH client options that stop it from checking the host's key: `StrictHostKeyChecking=no` (or
 * `off`) accepts any key, `UserKnownHostsFile=/dev/null` forgets every key it has seen, so that
 * each connection trusts whatever answers. `accept-new` (trust on first use) is not flagged.
 * Written as `-o Option=value`, `-oOption=value`, or `Option value` in an ssh_config.
 */
export const SSH_HOST_KEY_CHECKS_OFF =
  /(?:\b|(?<=-o))(StrictHostKeyChecking\s*[=\s]\s*["']?(no|off)\b|UserKnownHostsFile\s*[=\s]\s*["']?\/dev\/null\b)/i;

/** Settings that keep Ansible's own host key checking on (`ansible_host_key_checking: false` turns it off). */
export const HOST_KEY_CHECKING_SETTINGS = ['host key checking'];

/** Module and resource options that accept an unknown host key (Ansible's `git` with `accept_hostkey: true`). */
export const HOST_KEY_ACCEPTING_OPTIONS: Readonly<Record<string, string>> = lookupTable({
  accept_hostkey: 'git',
});
