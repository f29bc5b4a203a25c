import type { Attribute } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { assignments, valueRange, type Assignment } from '../support/assignments.js';
import { nameWords } from '../support/names.js';
import { isFalse, isTrue, ownStrings } from '../support/values.js';
import { meta } from './meta.js';

/** `tcp://0.0.0.0:2375`, `tcp://:2375`, `tcp://10.0.0.5`: a TCP socket the daemon listens on. */
const TCP_SOCKET = /\btcp:\/\/(\[[^\]]*\]|[^\s:/'",\]]*)(?::(\d+))?/gi;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/i;
/** The daemon's own command line: `dockerd -H ...`, `docker daemon --host=...`, `DOCKER_OPTS=`. */
const DAEMON_COMMAND = /\bdockerd\b|\bdocker\s+(-d\b|daemon\b)|\bDOCKER_OPTS\b/;
/** TLS turned on beside the socket: `--tlsverify`, `--tls`, a `tls`/`tlsverify` setting. */
const TLS_FLAG = /--tls(verify)?\b(?!\s*=\s*false)/i;

/** Names that hold the daemon's listening sockets or its options, in a Docker context. */
const SOCKET_KEYS = new Set(['hosts', 'host', 'tcp_bind', 'bind']);
const OPTION_WORDS = new Set(['opts', 'options', 'args', 'flags', 'daemon']);

/** The first TCP socket off the loopback interface a text listens on. */
function exposedSocket(text: string): { socket: string; port: string } | undefined {
  for (const match of text.matchAll(TCP_SOCKET)) {
    const host = match[1] ?? '';
    if (LOOPBACK.test(host)) continue;
    // a templated host is decided elsewhere
    if (/[{}$#@]/.test(host)) continue;
    return { socket: match[0], port: match[2] ?? '2375' };
  }
  return undefined;
}

/** Whether a setting is about the Docker daemon: its key, the unit or the variable names it. */
function isDaemonSetting(assignment: Assignment): boolean {
  const unit = assignment.unit;
  if (unit) {
    // Chef's docker_service and Puppet's docker class configure the daemon; other resources
    // (`docker_container`, `docker_image`) name a daemon to connect to.
    const daemon =
      unit.type === 'docker_service' ||
      (unit.type === 'class' && /^(::)?docker$/.test(unit.name ?? '')) ||
      unit.type === 'docker';
    return daemon && SOCKET_KEYS.has(assignment.name);
  }
  const words = assignment.path.flatMap((part) => nameWords(part));
  if (!words.includes('docker') && !words.includes('dockerd')) return false;
  if (
    words.includes('client') ||
    (words.includes('docker') && words.at(-1) === 'host' && words.length === 2)
  )
    return false;
  return SOCKET_KEYS.has(assignment.name) || words.some((word) => OPTION_WORDS.has(word));
}

/** TLS configured beside the socket: sibling keys or the unit's attributes. */
function hasTls(siblings: readonly Attribute[]): boolean {
  return siblings.some((attribute) => {
    const name = attribute.name.toLowerCase().replace(/[-_]/g, '');
    if (name === 'tlsverify' || name === 'tlsenable' || name === 'tls')
      return isTrue(attribute.value);
    return /^tls(ca)?(cacert|cert|key)$/.test(name);
  });
}

/** TLS turned off explicitly beside the socket. */
function tlsOff(siblings: readonly Attribute[]): boolean {
  return siblings.some((attribute) => {
    const name = attribute.name.toLowerCase().replace(/[-_]/g, '');
    return (
      (name === 'tlsverify' || name === 'tlsenable' || name === 'tls') && isFalse(attribute.value)
    );
  });
}

function message(socket: string, port: string): string {
  return `the Docker daemon listens on \`${socket}\` without TLS client certificates: anyone who reaches port ${port} controls Docker, and through it root on the host; keep it on the Unix socket, or add \`--tlsverify\` with a CA, certificate and key`;
}

function checkAssignment(context: RuleContext, assignment: Assignment): void {
  for (const item of ownStrings(assignment.value)) {
    const found = exposedSocket(item.value);
    if (!found) continue;
    const daemon =
      isDaemonSetting(assignment) ||
      (DAEMON_COMMAND.test(item.value) && /\s(-H|--host)[\s=]/.test(item.value));
    if (!daemon || TLS_FLAG.test(item.value)) continue;
    const siblings = assignment.unit ? assignment.unit.attributes : assignment.siblings;
    if (hasTls(siblings)) continue;
    // 2376 is the port Docker's TLS setup uses: without a word on TLS, it is set elsewhere.
    if (found.port === '2376' && !tlsOff(siblings)) continue;
    context.report({
      range: item === assignment.value ? valueRange(assignment, item) : item.range,
      message: message(found.socket, found.port),
    });
    return;
  }
}

export const dockerApiWithoutTls: Rule = {
  meta,
  check(context) {
    for (const assignment of assignments(context.file)) checkAssignment(context, assignment);
  },
};
