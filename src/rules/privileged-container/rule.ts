import type { Report, Rule, RuleContext } from '../rule.js';
import type { Severity } from '../../model/finding.js';
import type { Attribute, SourceRange, Unit, Value } from '../../model/model.js';
import { commandsIn, effectiveProgram, type CommandText } from '../support/commands.js';
import { boundCommandsIn, boundUnits, reportBinding, usePhrase } from '../support/bindings.js';
import { isFalse, isTrue, literalText, removesResource, stringText } from '../support/values.js';
import { valueRange } from '../support/assignments.js';
import { definitionsOf, entryOf, mapsBelow } from '../support/kubernetes-definitions.js';
import {
  COMPOSE_MODULES,
  COMPOSE_SERVICE,
  CONTAINER_RUNTIMES,
  CONTAINER_TYPES,
  DANGEROUS_CAPABILITIES,
  NAMESPACE_EFFECTS,
  ROOT_USER,
  RUN_SUBCOMMANDS,
  SENSITIVE_HOST_PATHS,
  SOCKET_PATHS,
  UNCONFINED_OPTION,
  type ContainerAttributes,
  type Namespace,
} from '../knowledge/containers.js';
import { attributeOf } from '../support/units.js';
import { checkSettings, type Judge } from '../support/config-settings.js';
import { unquoted } from '../knowledge/databases.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/** One way a container reaches into its host: what is written, what it does, how bad. */
interface Problem {
  range: SourceRange;
  /** the text as written, quoted in the message */
  shown: string;
  problem: string;
  severity: Severity;
}

const PRIVILEGED =
  "runs the container privileged: every capability and the host's devices, so root in the container is root on the host";

/** `/etc/` → `/etc`, `//var/run//docker.sock` → `/var/run/docker.sock`. */
function normalisedPath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** What mounting a host path gives away, and how much: read-only narrows a directory, not a socket. */
function hostPathProblem(
  hostPath: string,
  readOnly: boolean,
): Pick<Problem, 'problem' | 'severity'> | undefined {
  const path = normalisedPath(hostPath);
  const sensitive = SENSITIVE_HOST_PATHS.get(path);
  if (!sensitive) return undefined;
  if (SOCKET_PATHS.has(path))
    return { problem: `mounts ${sensitive.what}`, severity: sensitive.severity };
  return readOnly
    ? { problem: `mounts ${sensitive.what}, read-only`, severity: 'medium' }
    : { problem: `mounts ${sensitive.what}, writable`, severity: sensitive.severity };
}

/** `host:container[:mode]`: the host path and whether it is read-only; undefined for named and anonymous volumes. */
function bindOf(text: string): { host: string; readOnly: boolean } | undefined {
  const [host, container, mode] = text.trim().split(':');
  if (!host?.startsWith('/') || container === undefined) return undefined;
  return { host, readOnly: (mode ?? '').split(',').includes('ro') };
}

/** `type=bind,source=/var/run/docker.sock,target=/x,readonly`: the host path of a bind mount. */
function mountStringOf(text: string): { host: string; readOnly: boolean } | undefined {
  const fields = new Map(
    text.split(',').map((field) => {
      const [key = '', ...rest] = field.trim().split('=');
      return [key.toLowerCase(), rest.join('=')] as const;
    }),
  );
  const host = fields.get('source') ?? fields.get('src');
  if (fields.get('type') !== 'bind' || !host?.startsWith('/')) return undefined;
  const readOnly =
    fields.has('readonly') || fields.has('ro')
      ? !/^(false|0)$/i.test(fields.get('readonly') ?? fields.get('ro') ?? '')
      : false;
  return { host, readOnly };
}

/** The items of a list value, or the value itself. */
function itemsOf(value: Value): Value[] {
  return value.kind === 'list' ? (value.items ?? []) : [value];
}

/** A capability as the kernel names it, without `CAP_`. */
function capabilityName(text: string): string {
  return text.trim().toUpperCase().replace(/^CAP_/, '');
}

function capabilityProblem(text: string): Pick<Problem, 'problem' | 'severity'> | undefined {
  const capability = DANGEROUS_CAPABILITIES.get(capabilityName(text));
  return capability
    ? {
        problem: `adds a capability that lets the container ${capability.what}`,
        severity: capability.severity,
      }
    : undefined;
}

function securityOptionProblem(text: string): Pick<Problem, 'problem' | 'severity'> | undefined {
  if (!UNCONFINED_OPTION.test(text.trim())) return undefined;
  const confinement = /^seccomp/i.test(text.trim())
    ? 'its system-call filter'
    : /^apparmor/i.test(text.trim())
      ? 'its AppArmor profile'
      : 'its SELinux labels';
  return { problem: `runs the container without ${confinement}`, severity: 'high' };
}

/**
 * Root inside the container, said in so many words: medium, as root is only the container's root
 * until something else (a mount, a capability, a kernel bug) lets it out, and then it is the host's.
 */
export function rootUserProblem(text: string): Pick<Problem, 'problem' | 'severity'> | undefined {
  return ROOT_USER.test(text.trim())
    ? {
        problem:
          "runs the container's process as root: any way out of the container (a mount, a capability, a kernel bug) is then root on the host",
        severity: 'medium',
      }
    : undefined;
}

function namespaceProblem(namespace: Namespace): Pick<Problem, 'problem' | 'severity'> {
  return { problem: NAMESPACE_EFFECTS[namespace], severity: 'medium' };
}

/** Where a problem in one item of an attribute points: the item on its own line, or the attribute. */
function itemRange(attribute: Attribute, item: Value): SourceRange {
  return item === attribute.value ? valueRange(attribute, item) : item.range;
}

/** The host path an Ansible `mounts` entry binds: `type: bind` with a `source`. */
function mountMapProblem(item: Value): Problem | undefined {
  const entries = item.entries ?? [];
  const entry = (name: string): Attribute | undefined =>
    entries.find((candidate) => candidate.name === name);
  const source = entry('source');
  const type = entry('type');
  const host = source ? literalText(source.value) : undefined;
  if (!source || !host || !type || literalText(type.value) !== 'bind') return undefined;
  const readOnlyEntry = entry('read_only');
  const found = hostPathProblem(host, readOnlyEntry ? isTrue(readOnlyEntry.value) : false);
  return (
    found && { range: valueRange(source, source.value), shown: `\`source: ${host}\``, ...found }
  );
}

/** What one attribute of a container module or resource gives the container of its host. */
function attributeProblems(kind: ContainerAttributes, attribute: Attribute): Problem[] {
  const { name, value } = attribute;
  if (kind.privileged.includes(name))
    return isTrue(value)
      ? [
          {
            range: valueRange(attribute, value),
            shown: `\`${name}\` set to \`${value.text}\``,
            problem: PRIVILEGED,
            severity: 'high',
          },
        ]
      : [];
  const problems: Problem[] = [];
  const each = (
    judge: (text: string) => Pick<Problem, 'problem' | 'severity'> | undefined,
    read: (item: Value) => string | undefined = literalText,
  ): void => {
    for (const item of itemsOf(value)) {
      const text = read(item);
      const found = text === undefined ? undefined : judge(text);
      if (!found || text === undefined) continue;
      const shown =
        item === value ? `\`${name}\` set to \`${text}\`` : `\`${text}\` in \`${name}\``;
      problems.push({ range: itemRange(attribute, item), shown, ...found });
    }
  };
  if (kind.volumes.includes(name))
    each((text) => {
      const bind = bindOf(text);
      return bind && hostPathProblem(bind.host, bind.readOnly);
    }, stringText);
  if (kind.mounts.includes(name)) {
    for (const item of itemsOf(value)) {
      const found = item.kind === 'map' ? mountMapProblem(item) : undefined;
      if (found) problems.push(found);
    }
    each((text) => {
      const mount = mountStringOf(text);
      return mount && hostPathProblem(mount.host, mount.readOnly);
    }, stringText);
  }
  const namespace = kind.namespaces[name];
  if (namespace)
    each((text) =>
      text.trim().toLowerCase() === 'host' ? namespaceProblem(namespace) : undefined,
    );
  if (kind.capabilities.includes(name)) each(capabilityProblem);
  if (kind.securityOptions.includes(name)) each(securityOptionProblem);
  if (kind.users.includes(name)) each(rootUserProblem);
  if (kind.runFlags.includes(name))
    each((text) => worst(runFlagProblems(text.trim().split(/\s+/), false)), stringText);
  return problems;
}

/** Long `docker run` options that take no value. */
const BOOLEAN_OPTIONS = new Set([
  '--detach',
  '--interactive',
  '--tty',
  '--rm',
  '--init',
  '--read-only',
  '--publish-all',
  '--no-healthcheck',
  '--oom-kill-disable',
  '--quiet',
  '--privileged',
  '--replace',
  '--rmi',
  '--help',
]);
/** Short `docker run` options that take no value, alone or grouped (`-dit`). */
const BOOLEAN_SHORT = /^-[ditPq]+$/;

/**
 * What the options of `docker run` give the container of its host. With `toImage`, options end
 * at the first word that is not one (the image): what follows is the container's own command.
 */
function runFlagProblems(args: readonly string[], toImage: boolean): Problem[] {
  const found: Pick<Problem, 'problem' | 'severity' | 'shown'>[] = [];
  const judge = (option: string, value: string): void => {
    const shown = `\`${`${option} ${value}`.trim()}\``;
    const add = (problem: Pick<Problem, 'problem' | 'severity'> | undefined): void => {
      if (problem) found.push({ shown, ...problem });
    };
    if (option === '--privileged' && !/^(false|0)$/i.test(value))
      add({ problem: PRIVILEGED, severity: 'high' });
    if (option === '-v' || option === '--volume') {
      const bind = bindOf(value);
      add(bind && hostPathProblem(bind.host, bind.readOnly));
    }
    if (option === '--mount') {
      const mount = mountStringOf(value);
      add(mount && hostPathProblem(mount.host, mount.readOnly));
    }
    const namespace: Namespace | undefined = {
      '--net': 'network',
      '--network': 'network',
      '--pid': 'pid',
      '--ipc': 'ipc',
      '--userns': 'user',
    }[option] as Namespace | undefined;
    if (namespace && value.toLowerCase() === 'host') add(namespaceProblem(namespace));
    if (option === '--cap-add') for (const name of value.split(',')) add(capabilityProblem(name));
    if (option === '--security-opt') add(securityOptionProblem(value));
    if (option === '-u' || option === '--user') add(rootUserProblem(value));
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') break;
    if (!arg.startsWith('-')) {
      if (toImage) break;
      continue;
    }
    if (arg.startsWith('--') && arg.includes('=')) {
      const at = arg.indexOf('=');
      judge(arg.slice(0, at), arg.slice(at + 1));
    } else if (BOOLEAN_OPTIONS.has(arg) || BOOLEAN_SHORT.test(arg)) {
      judge(arg, '');
    } else if (/^-v./.test(arg)) {
      judge('-v', arg.slice(2));
    } else {
      judge(arg, args[index + 1] ?? '');
      index++;
    }
  }
  const range = { line: 0, column: 0, endLine: 0, endColumn: 0 };
  return found.map((problem) => ({ ...problem, range }));
}

/** The arguments of `docker run` (`sudo docker run`, `podman container create`); undefined for anything else. */
function runArguments(name: string, args: readonly string[]): readonly string[] | undefined {
  if (!CONTAINER_RUNTIMES.has(name)) return undefined;
  const first = args.findIndex((arg) => !arg.startsWith('-'));
  if (first < 0) return undefined;
  if (RUN_SUBCOMMANDS.has(args[first] ?? '')) return args.slice(first + 1);
  if (args[first] === 'container' && RUN_SUBCOMMANDS.has(args[first + 1] ?? ''))
    return args.slice(first + 2);
  return undefined;
}

/** The worst of several problems, naming the others after it. */
function worst(
  problems: readonly Pick<Problem, 'problem' | 'severity' | 'shown'>[],
): Pick<Problem, 'problem' | 'severity' | 'shown'> | undefined {
  const [first, ...others] = [...problems].sort((a, b) => rank(a.severity) - rank(b.severity));
  if (!first) return undefined;
  const also = others.map((problem) => `${problem.shown} ${problem.problem}`);
  return {
    shown: first.shown,
    problem: also.length > 0 ? `${first.problem}; also ${also.join('; ')}` : first.problem,
    severity: first.severity,
  };
}

function rank(severity: Severity): number {
  return severity === 'critical' ? 0 : severity === 'high' ? 1 : severity === 'medium' ? 2 : 3;
}

/**
 * Reports one finding per line, as the harness and a reader want: when several problems share a
 * line (a `docker run` with `--privileged` and the Docker socket), the worst leads and the others
 * are named after it.
 */
function lineCollector(context: RuleContext): {
  report: (report: Report) => void;
  flush: () => void;
} {
  const byLine = new Map<string, Report[]>();
  return {
    report(report) {
      const key = `${report.path ?? ''}:${report.range.line}`;
      byLine.set(key, [...(byLine.get(key) ?? []), report]);
    },
    flush() {
      for (const reports of byLine.values()) {
        const sorted = [...reports].sort(
          (a, b) => rank(a.severity ?? 'high') - rank(b.severity ?? 'high'),
        );
        const [first, ...others] = sorted;
        if (!first) continue;
        const messages = [...new Set(sorted.map((report) => report.message))];
        context.report({
          ...first,
          message: others.length > 0 ? messages.join('; ') : first.message,
        });
      }
    },
  };
}

/** A report's severity field: absent when it is the rule's own. */
function severityOf(severity: Severity): Pick<Report, 'severity'> {
  return severity === 'high' ? {} : { severity };
}

function checkUnits(context: RuleContext, report: (report: Report) => void): void {
  const { file } = context;
  const types = CONTAINER_TYPES[file.language];
  for (const unit of file.units) {
    if (file.language === 'ansible')
      for (const problem of [...kubernetesProblems(unit), ...composeProblems(unit)])
        report({
          range: problem.range,
          message: `${problem.shown} ${problem.problem}`,
          ...severityOf(problem.severity),
        });
    const kind = types?.[unit.type];
    if (!kind || removesResource(unit, file.language)) continue;
    for (const attribute of unit.attributes)
      for (const problem of attributeProblems(kind, attribute))
        report({
          range: problem.range,
          message: `${problem.shown} ${problem.problem}`,
          ...severityOf(problem.severity),
        });
    checkBoundUnit(context, unit, kind, report);
  }
}

/** The pod-spec switches that share a host namespace. */
const KUBERNETES_NAMESPACES: Readonly<Record<string, Namespace>> = lookupTable({
  hostNetwork: 'network',
  hostPID: 'pid',
  hostIPC: 'ipc',
});

type AddProblem = (
  entry: Attribute,
  at: Value,
  found: Pick<Problem, 'problem' | 'severity'> | undefined,
) => void;

/** A pod's or a container's `securityContext`: privileged, root, added capabilities. */
function securityContextProblems(context: Value, add: AddProblem, problems: Problem[]): void {
  for (const entry of context.entries ?? []) {
    const { name, value } = entry;
    if (name === 'privileged' && isTrue(value))
      add(entry, value, { problem: PRIVILEGED, severity: 'high' });
    if (name === 'runAsUser' && literalText(value)?.trim() === '0')
      add(entry, value, rootUserProblem('0'));
    if (name === 'runAsNonRoot' && isFalse(value))
      add(entry, value, {
        problem:
          'lets the container run as root when its image says so: any way out of the container is then root on the host',
        severity: 'medium',
      });
    const added = name === 'capabilities' ? entryOf(value, 'add')?.value : undefined;
    for (const item of added?.kind === 'list' ? (added.items ?? []) : []) {
      const text = literalText(item);
      const found = text === undefined ? undefined : capabilityProblem(text);
      if (found) problems.push({ range: item.range, shown: `\`${text}\` in \`add\``, ...found });
    }
  }
}

/** What a Kubernetes object a task applies gives its containers of the host. */
function kubernetesProblems(unit: Unit): Problem[] {
  const problems: Problem[] = [];
  const add: AddProblem = (entry, at, found) => {
    if (found)
      problems.push({
        range: valueRange(entry, at),
        shown: `\`${entry.name}: ${at.text.trim()}\``,
        ...found,
      });
  };
  for (const definition of definitionsOf(unit))
    for (const { key, map } of mapsBelow(definition)) {
      if (key === 'securityContext') securityContextProblems(map, add, problems);
      // the pod spec: the map that lists the containers
      if (!entryOf(map, 'containers')) continue;
      for (const entry of map.entries ?? []) {
        const namespace = KUBERNETES_NAMESPACES[entry.name];
        if (namespace && isTrue(entry.value)) add(entry, entry.value, namespaceProblem(namespace));
      }
      const volumes = entryOf(map, 'volumes')?.value;
      for (const volume of volumes?.kind === 'list' ? (volumes.items ?? []) : []) {
        const hostPath = volume.kind === 'map' ? entryOf(volume, 'hostPath')?.value : undefined;
        const path = hostPath?.kind === 'map' ? entryOf(hostPath, 'path') : undefined;
        const host = path && literalText(path.value);
        if (path && host) add(path, path.value, hostPathProblem(host, false));
      }
    }
  return problems;
}

/** What the services of a Compose project a task writes inline give their containers of the host. */
function composeProblems(unit: Unit): Problem[] {
  if (!COMPOSE_MODULES.has(unit.type) || removesResource(unit, 'ansible')) return [];
  const definition = attributeOf(unit, 'definition')?.value;
  const services = definition?.kind === 'map' ? entryOf(definition, 'services')?.value : undefined;
  return (services?.entries ?? [])
    .filter((service) => service.value.kind === 'map')
    .flatMap((service) =>
      (service.value.entries ?? []).flatMap((entry) => attributeProblems(COMPOSE_SERVICE, entry)),
    );
}

/** A Compose file's setting as a service written inline would hold it: `[a, b]` is a list. */
function composeValue(text: string, range: SourceRange): Value {
  const scalar = (item: string): Value => {
    const bare = unquoted(item);
    return { kind: 'string', value: bare, text: bare, dynamic: false, range };
  };
  const flow = /^\[(.*)\]$/.exec(text.trim());
  if (!flow) return scalar(text);
  const items = (flow[1] ?? '').split(',').filter((item) => item.trim() !== '');
  return { kind: 'list', items: items.map(scalar), text, dynamic: false, range };
}

/**
 * What a setting of a service (`services > web`) in a Compose file the code deploys gives the
 * container of its host: read as the same setting of a service written inline in a task.
 */
const composeFileSetting: Judge = (name, value, setting) => {
  const section = setting.section ?? '';
  // A long-form volume (`- type: bind`, `source: ...`): its other keys are on other lines, so
  // only a socket, which read-only does not narrow, is judged from `source` alone.
  if (name === 'source' && /^services > [^>]+ > volumes$/.test(section)) {
    const host = normalisedPath(unquoted(value));
    return SOCKET_PATHS.has(host) ? hostPathProblem(host, false) : undefined;
  }
  if (!/^services > [^>]+$/.test(section)) return undefined;
  const attribute = { name, value: composeValue(value, setting.range), range: setting.range };
  const found = worst(attributeProblems(COMPOSE_SERVICE, attribute));
  return found && { problem: found.problem, ...severityOf(found.severity) };
};

function checkBoundUnit(
  context: RuleContext,
  unit: Unit,
  kind: ContainerAttributes,
  report: (report: Report) => void,
): void {
  for (const bound of boundUnits(context, unit)) {
    if (attributeProblems(kind, bound.attribute).length > 0) continue;
    const attribute = attributeOf(bound.unit, bound.attribute.name);
    const found = attribute && worst(attributeProblems(kind, attribute));
    if (!found) continue;
    reportBinding(
      { file: context.file, report },
      bound.binding,
      {
        range: bound.attribute.value.range,
        as: usePhrase(context.file, unit, bound.attribute.name),
      },
      found.problem,
      severityOf(found.severity),
    );
  }
}

function checkCommands(context: RuleContext, report: (report: Report) => void): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      const runArgs = runArguments(name, args);
      const found = runArgs && worst(runFlagProblems(runArgs, true));
      if (found)
        report({
          range: command.rangeOf(step),
          message: `\`${name} run\` with ${found.shown} ${found.problem}`,
          ...severityOf(found.severity),
        });
    }
  }
  const problemOf = (command: CommandText) =>
    command.script.commands
      .map((step) => effectiveProgram(step))
      .map(({ name, args }) => runArguments(name, args))
      .map((runArgs) => runArgs && worst(runFlagProblems(runArgs, true)))
      .find(Boolean);
  for (const command of boundCommandsIn(context)) {
    const found = problemOf(command);
    const already = command.written && problemOf(command.written);
    if (found && found.shown !== already?.shown)
      reportBinding(
        { file: context.file, report },
        command.binding,
        { range: command.range, as: usePhrase(context.file, command.unit, command.attribute) },
        `gives \`docker run\` ${found.shown}, which ${found.problem}`,
        severityOf(found.severity),
      );
  }
}

export const privilegedContainer: Rule = {
  meta,
  check(context) {
    const collector = lineCollector(context);
    checkUnits(context, collector.report);
    checkCommands(context, collector.report);
    collector.flush();
    checkSettings(context, ['compose'], composeFileSetting);
  },
};
