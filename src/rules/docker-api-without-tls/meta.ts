import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'docker-api-without-tls',
  title: 'Docker API exposed on TCP without TLS',
  severity: 'high',
  category: 'network-exposure',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "The Docker daemon is told to listen on a TCP socket off the loopback interface without TLS client authentication: `dockerd -H tcp://0.0.0.0:2375` in a command or service option, `hosts` in the daemon's settings (`docker_daemon_options`, `daemon.json` content), Puppet's `docker` class `tcp_bind`, Chef's `docker_service` `host`. Anyone who can reach the port can start a privileged container that mounts the host's root file system.",
  remediation:
    'Keep the daemon on its Unix socket and reach remote hosts over SSH (`DOCKER_HOST=ssh://host`), or listen on port 2376 with `--tlsverify` and a CA, server certificate and key (`tls_verify`, `tls_enable => true`), and limit the port to the management network.',
  cwe: 'CWE-306',
  catalog: ['NET-12'],
};
