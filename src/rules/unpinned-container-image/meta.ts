import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unpinned-container-image',
  title: 'Container image not pinned',
  severity: 'medium',
  category: 'unpinned-dependency',
  languages: ['ansible'],
  description:
    'A task runs or pulls a container image by the `latest` tag, or by no tag at all (which is `latest`): `docker_container`, `podman_container` and `docker_swarm_service` `image`, `docker_image` and `podman_image` `name` pulled without a `tag`, and the containers of a Kubernetes object applied by the `k8s` module. What runs then changes with every push to the repository, differs between hosts pulled at different times, and is whatever someone who can push to the repository (or poison a mirror) put there.',
  remediation:
    'Name a version (`nginx:1.27.2`), and for images you do not build yourself pin the digest too (`nginx:1.27.2@sha256:…`); let a dependency bot raise the pin when a new version is released.',
  cwe: 'CWE-494',
  catalog: ['SUP-10'],
};
