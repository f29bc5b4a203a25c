/**
 * Containers that reach into their host: the modules and resources that run a container in each
 * language and the attributes that give it the host's privileges, paths or namespaces, and what
 * `docker run` says with its flags.
 */
import type { Severity } from '../../model/finding.js';
import type { Language } from '../../model/model.js';
import { lookupTable, lookupTables } from '../../shared/lookup-table.js';

/** A namespace a container can share with its host by setting it to `host`. */
export type Namespace = 'network' | 'pid' | 'ipc' | 'user';

/** The attributes of a container module or resource, by what they decide. */
export interface ContainerAttributes {
  /** a boolean: run privileged */
  privileged: readonly string[];
  /** `host:container[:mode]` strings, one or a list */
  volumes: readonly string[];
  /** a list of maps with `source` and `type` (Ansible), or `type=bind,source=...` strings */
  mounts: readonly string[];
  /** set to `host`: the container shares that namespace of the host */
  namespaces: Readonly<Record<string, Namespace>>;
  /** capabilities added to the container's default set */
  capabilities: readonly string[];
  /** `seccomp=unconfined`, `apparmor:unconfined`, `label=disable` */
  securityOptions: readonly string[];
  /** extra `docker run` flags, one string or a list */
  runFlags: readonly string[];
  /** the user the container's process runs as: `root`, `0`, `0:0` is root */
  users: readonly string[];
}

/** `community.docker.docker_container`. */
const DOCKER_CONTAINER_MODULE: ContainerAttributes = {
  privileged: ['privileged'],
  volumes: ['volumes'],
  mounts: ['mounts'],
  namespaces: lookupTable({
    network_mode: 'network',
    pid_mode: 'pid',
    ipc_mode: 'ipc',
    userns_mode: 'user',
  }),
  capabilities: ['capabilities', 'cap_add'],
  securityOptions: ['security_opts', 'security_opt'],
  runFlags: [],
  users: ['user'],
};

/** `containers.podman.podman_container`: its options and their aliases. */
const PODMAN_CONTAINER_MODULE: ContainerAttributes = {
  privileged: ['privileged'],
  volumes: ['volume', 'volumes'],
  mounts: ['mount', 'mounts'],
  namespaces: lookupTable({
    network: 'network',
    net: 'network',
    network_mode: 'network',
    pid: 'pid',
    pid_mode: 'pid',
    ipc: 'ipc',
    ipc_mode: 'ipc',
    userns: 'user',
    userns_mode: 'user',
  }),
  capabilities: ['cap_add', 'capabilities'],
  securityOptions: ['security_opt', 'security_opts'],
  runFlags: [],
  users: ['user'],
};

/**
 * A service of a Compose project (the Compose specification's names), as an Ansible task writes
 * it inline under `definition`: its `volumes` take `host:container[:mode]` strings and `type:
 * bind` maps alike.
 */
export const COMPOSE_SERVICE: ContainerAttributes = {
  privileged: ['privileged'],
  volumes: ['volumes'],
  mounts: ['volumes'],
  namespaces: lookupTable({
    network_mode: 'network',
    pid: 'pid',
    ipc: 'ipc',
    userns_mode: 'user',
  }),
  capabilities: ['cap_add'],
  securityOptions: ['security_opt'],
  runFlags: [],
  users: ['user'],
};

/** Ansible modules that run a Compose project, which they may take inline as `definition`. */
export const COMPOSE_MODULES: ReadonlySet<string> = new Set([
  'docker_compose_v2',
  'docker_compose',
]);

/** puppetlabs-docker's `docker::run`: no namespace parameters but `net`; the rest goes in `extra_parameters`. */
const DOCKER_RUN_DEFINE: ContainerAttributes = {
  privileged: ['privileged'],
  volumes: ['volumes'],
  mounts: [],
  namespaces: lookupTable({ net: 'network' }),
  capabilities: [],
  securityOptions: [],
  runFlags: ['extra_parameters'],
  users: ['username'],
};

/** The `docker` cookbook's `docker_container` (`binds` and `volume` are aliases of `volumes`). */
const DOCKER_CONTAINER_RESOURCE: ContainerAttributes = {
  privileged: ['privileged'],
  volumes: ['volumes', 'volume', 'binds'],
  mounts: [],
  namespaces: lookupTable({
    network_mode: 'network',
    pid_mode: 'pid',
    ipc_mode: 'ipc',
    userns_mode: 'user',
  }),
  capabilities: ['cap_add'],
  securityOptions: ['security_opt'],
  runFlags: [],
  users: ['user'],
};

export const CONTAINER_TYPES: Partial<
  Record<Language, Readonly<Record<string, ContainerAttributes>>>
> = lookupTables({
  ansible: {
    docker_container: DOCKER_CONTAINER_MODULE,
    podman_container: PODMAN_CONTAINER_MODULE,
  },
  puppet: { 'docker::run': DOCKER_RUN_DEFINE },
  chef: { docker_container: DOCKER_CONTAINER_RESOURCE },
});

/** Programs that run containers with Docker's flags. */
export const CONTAINER_RUNTIMES: ReadonlySet<string> = new Set(['docker', 'podman', 'nerdctl']);

/** The sub-commands that start or create a container. */
export const RUN_SUBCOMMANDS: ReadonlySet<string> = new Set(['run', 'create']);

/** Host paths a container must not see, and how much seeing them gives away. */
export const SENSITIVE_HOST_PATHS: ReadonlyMap<string, { severity: Severity; what: string }> =
  new Map([
    [
      '/var/run/docker.sock',
      {
        severity: 'high',
        what: 'the Docker socket, which lets the container start a privileged container of its own: root on the host',
      },
    ],
    [
      '/run/docker.sock',
      {
        severity: 'high',
        what: 'the Docker socket, which lets the container start a privileged container of its own: root on the host',
      },
    ],
    ['/', { severity: 'high', what: "the host's whole file system" }],
    [
      '/etc',
      { severity: 'high', what: "the host's `/etc`: its password hashes, sudoers and keys" },
    ],
    [
      '/proc',
      { severity: 'high', what: "the host's `/proc`: every host process and kernel setting" },
    ],
    ['/sys', { severity: 'high', what: "the host's `/sys`: its kernel and device settings" }],
    [
      '/root',
      { severity: 'medium', what: "root's home directory on the host: its keys and history" },
    ],
    [
      '/var/lib/docker',
      { severity: 'medium', what: "the Docker daemon's state: every other container's files" },
    ],
  ]);

/** The paths whose danger is the socket itself: read-only does not narrow it. */
export const SOCKET_PATHS: ReadonlySet<string> = new Set([
  '/var/run/docker.sock',
  '/run/docker.sock',
]);

/** Capabilities that hand a container the host, by how far (names without `CAP_`, upper case). */
export const DANGEROUS_CAPABILITIES: ReadonlyMap<string, { severity: Severity; what: string }> =
  new Map([
    ['ALL', { severity: 'high', what: 'hold every capability: as good as privileged' }],
    [
      'SYS_ADMIN',
      {
        severity: 'high',
        what: 'mount file systems and create namespaces, much of root: the usual way out of a container',
      },
    ],
    ['SYS_MODULE', { severity: 'medium', what: "load modules into the host's kernel" }],
    ['SYS_PTRACE', { severity: 'medium', what: 'trace and read the memory of other processes' }],
    [
      'NET_ADMIN',
      {
        severity: 'medium',
        what: "change interfaces, routes and firewall rules (the host's, on the host network)",
      },
    ],
    [
      'DAC_READ_SEARCH',
      { severity: 'medium', what: 'open any file by its handle, past the mounts it was given' },
    ],
  ]);

/** A user that is root: `root`, `0`, with or without a group (`0:0`, `root:wheel`). */
export const ROOT_USER = /^(root|0)(:[^:]*)?$/i;

/** Security options that take a confinement away (`seccomp=unconfined`, `label:disable`). */
export const UNCONFINED_OPTION = /^(seccomp|apparmor)[=:]unconfined$|^label[=:]disable$/i;

/** What sharing each namespace with the host gives the container. */
export const NAMESPACE_EFFECTS: Readonly<Record<Namespace, string>> = {
  network:
    "shares the host's network: the container binds any host port and reaches services listening on the host's localhost",
  pid: "shares the host's process table: the container sees every host process and, as root, can signal or trace them",
  ipc: "shares the host's IPC namespace: the container reads and writes the shared memory of host processes",
  user: 'turns user-namespace remapping off: root in the container is root on the host',
};
