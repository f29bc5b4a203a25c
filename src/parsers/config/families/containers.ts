import type { FormatSpec } from '../format-spec.js';

/** What containers a host runs, and what of the host they are given. */
export const CONTAINER_FORMATS: readonly FormatSpec[] = [
  {
    format: 'compose',
    label: 'Docker Compose',
    syntax: 'yaml-keys',
    files: '`docker-compose*.yml`, `compose.yml` a role, module or cookbook deploys',
    checks:
      "privileged services, the host's namespaces, the Docker socket or host folders mounted, dangerous capabilities, unconfined profiles, `user: root` (`privileged-container`)",
    name: /(^|[._-])(docker-compose[\w.-]*|compose)\.ya?ml$/i,
    destination: /(^|\/)(docker-compose[\w.-]*|compose)\.ya?ml$/,
  },
];
