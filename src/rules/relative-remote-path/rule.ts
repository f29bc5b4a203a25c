import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, FileModel, Unit, Value } from '../../model/model.js';
import { isTestCode } from '../../languages/test-code.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { COMPUTED_PART, pathShape } from '../support/destinations.js';
import { isTrue, literalText, removesResource } from '../support/values.js';
import { attributeOf, firstAttribute, keywordOf } from '../support/units.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/**
 * Modules that write a file or directory on the managed host, with the attributes naming it
 * (the module's option and its aliases, in order of preference). `src` of `copy` and
 * `unarchive` names a file on the host only with `remote_src: true`.
 */
const REMOTE_WRITERS: Readonly<Record<string, readonly string[]>> = lookupTable({
  file: ['path', 'dest', 'name'],
  copy: ['dest'],
  template: ['dest'],
  assemble: ['dest'],
  lineinfile: ['path', 'dest', 'destfile', 'name'],
  blockinfile: ['path', 'dest', 'destfile', 'name'],
  replace: ['path', 'dest', 'destfile', 'name'],
  ini_file: ['path', 'dest'],
  xml: ['path', 'dest', 'file'],
  get_url: ['dest'],
  unarchive: ['dest'],
  archive: ['dest'],
  git: ['dest'],
  openssl_privatekey: ['path'],
  openssl_publickey: ['path'],
  openssl_csr: ['path'],
  openssl_dhparam: ['path'],
  x509_certificate: ['path'],
});

/** Modules whose `src` is read on the managed host when `remote_src` is true. */
const REMOTE_SOURCE_READERS = new Set(['copy', 'unarchive']);

/** Hosts that are the control node itself, where a relative path is the playbook run's. */
const CONTROLLER_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/** An absolute path on Windows (`C:\inetpub`, `\\server\share`): not relative. */
const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]|^\\\\/;

/**
 * Whether a path, as it lands, is relative: it starts with neither `/` nor `~` nor a computed
 * part (whatever `{{ base }}` holds may be absolute), and is not a URL or a Windows path.
 */
function isRelative(shape: string): boolean {
  const path = shape.trim();
  if (path === '' || path.startsWith(COMPUTED_PART)) return false;
  if (path.startsWith('/') || path.startsWith('~')) return false;
  if (WINDOWS_ABSOLUTE.test(path) || /^[a-z][\w+.-]*:\/\//i.test(path)) return false;
  return true;
}

function isControllerHost(value: Value | undefined): boolean {
  const text = value ? literalText(value) : undefined;
  return text !== undefined && CONTROLLER_HOSTS.has(text.trim());
}

/** `connection: local`, or a task or play aimed at the control node. */
function aimsAtController(unit: Unit): boolean {
  if (keywordOf(unit, 'local_action')) return true;
  const connection = keywordOf(unit, 'connection');
  if (connection && literalText(connection.value) === 'local') return true;
  const delegate = keywordOf(unit, 'delegate_to');
  if (delegate && isControllerHost(delegate.value)) return true;
  return unit.kind === 'play' && isControllerHost(keywordOf(unit, 'hosts')?.value);
}

function contains(outer: Unit, inner: Unit): boolean {
  return outer.range.line <= inner.range.line && inner.range.endLine <= outer.range.endLine;
}

/**
 * Whether the task runs on the control node: it says so, or the play or block it is written in
 * does. Tasks of a role run wherever the play applying them points, which is a managed host.
 */
function runsOnController(unit: Unit, controllerScopes: readonly Unit[]): boolean {
  if (aimsAtController(unit)) return true;
  return controllerScopes.some((outer) => outer !== unit && contains(outer, unit));
}

/** The plays and blocks aimed at the control node, found once per file rather than once per task. */
function controllerScopesOf(file: FileModel): Unit[] {
  return file.units.filter(
    (outer) => (outer.kind === 'play' || outer.kind === 'block') && aimsAtController(outer),
  );
}

/** The attributes of a task that name a path on the managed host. */
function remotePaths(unit: Unit): Attribute[] {
  const names = REMOTE_WRITERS[unit.type];
  if (!names) return [];
  const paths: Attribute[] = [];
  const target = firstAttribute(unit, names);
  if (target) paths.push(target);
  const remoteSource = attributeOf(unit, 'remote_src');
  const source = attributeOf(unit, 'src');
  if (REMOTE_SOURCE_READERS.has(unit.type) && remoteSource && isTrue(remoteSource.value) && source)
    paths.push(source);
  return paths;
}

/** What a relative path does, for the attribute that holds it: `src` is read, the others written. */
function problem(attribute: string): string {
  return attribute === 'src'
    ? "is a relative path on the managed host: it resolves against the connecting account's working directory (its home, or another folder when `become_user` changes), so the task reads whatever file that account keeps at that name"
    : "is a relative path on the managed host: it resolves against the connecting account's working directory (its home, or another folder when `become_user` changes), so the file lands where nobody reviewed it and the task that reads it finds a different one";
}

/**
 * A test (a molecule scenario) that uses a role's variable its own way: the report would land
 * on the role's definition, which production code uses as intended.
 */
function definedForProductionOnly(
  context: RuleContext,
  definitionPath: string | undefined,
): boolean {
  return (
    definitionPath !== undefined && isTestCode(context.file.path) && !isTestCode(definitionPath)
  );
}

function checkPath(context: RuleContext, unit: Unit, path: Attribute): void {
  const shape = pathShape(path.value, 'ansible');
  if (shape !== undefined && isRelative(shape)) {
    context.report({
      range: path.value.range,
      message: `\`${path.name}: ${shape}\` of \`${unit.typeAsWritten}\` ${problem(path.name)}; write the absolute path`,
    });
    return;
  }
  if (shape === undefined || !shape.startsWith(COMPUTED_PART)) return;
  for (const binding of bindings(context, path.value, unit.within)) {
    const bound = pathShape(binding.value, 'ansible');
    if (bound === undefined || !isRelative(bound)) continue;
    if (definedForProductionOnly(context, binding.definition?.path)) continue;
    reportBinding(
      context,
      binding,
      { range: path.value.range, as: usePhrase(context.file, unit, path.name) },
      `makes \`${bound}\` a relative path on the managed host: it resolves against the connecting account's working directory, so the file lands where nobody reviewed it; make the value absolute`,
    );
    return;
  }
}

export const relativeRemotePath: Rule = {
  meta,
  check(context) {
    const { file } = context;
    if (file.language !== 'ansible') return;
    const controllerScopes = controllerScopesOf(file);
    for (const unit of file.units) {
      if (unit.kind !== 'task' && unit.kind !== 'handler') continue;
      // Removing a relative path writes nothing and reads nothing anywhere.
      if (removesResource(unit, file.language)) continue;
      const paths = remotePaths(unit);
      if (paths.length === 0 || runsOnController(unit, controllerScopes)) continue;
      for (const path of paths) checkPath(context, unit, path);
    }
  },
};
