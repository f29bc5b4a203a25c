import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'privileged-container',
  title: 'Container with the privileges of its host',
  severity: 'high',
  category: 'privileged-container',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A container is started privileged, with the Docker socket or a sensitive host path (`/`, `/etc`, `/proc`, `/sys`) mounted, sharing the host's network, process, IPC or user namespace, with capabilities such as `SYS_ADMIN` added, with seccomp, AppArmor or SELinux confinement turned off, or told to run its process as root (`user: root`, `runAsUser: 0`): by a container module or resource (`docker_container`, `podman_container`, `docker::run`), a Kubernetes object applied by the `k8s` module, a Compose service written inline or in a Compose file the code deploys, or a `docker run` command. Each removes part of what separates the container from the host, so a compromise of the application inside becomes a compromise of the host.",
  remediation:
    'Drop `privileged` and add only the capabilities the process needs (and `cap_drop: ALL` first); mount the files the container needs rather than `/`, `/etc` or the Docker socket (a socket proxy that allows only the API calls it uses, if it must talk to Docker), read-only where it only reads; publish ports instead of `network_mode: host`; keep the default seccomp and AppArmor profiles, or write a narrower one; run the process as an unprivileged user (`user: "1000"`, `runAsNonRoot: true`).',
  cwe: 'CWE-250',
  catalog: ['CONT-01', 'CONT-02', 'CONT-03', 'CONT-04', 'CONT-05'],
};
