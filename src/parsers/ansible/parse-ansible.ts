/**
 * Ansible YAML (playbooks, task lists, handlers, vars, inventories) → the shared model.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Document, Node as YamlNode } from 'yaml';
import type {
  Application,
  Attribute,
  FileKind,
  FileModel,
  SourceRange,
  Unit,
  UnitKind,
  Value,
  Variable,
  VariableScope,
} from '../../model/model.js';
import { UnanalysableError } from '../../model/file-error.js';
import {
  isMap,
  isScalar,
  isSeq,
  parseYaml,
  withoutByteOrderMark,
  YamlError,
  type ParsedYaml,
} from '../yaml/parse-yaml.js';
import { YamlValueBuilder } from '../yaml/to-value.js';
import { parseFreeForm } from './free-form.js';
import { includedRole, includedTaskFiles, renderedTemplates } from './applied-files.js';
import { isJinja } from './jinja.js';
import { writtenString } from '../../model/written-string.js';
import {
  BLOCK_SECTIONS,
  FREE_FORM_MODULES,
  PLAY_TASK_SECTIONS,
  TASK_KEYWORDS,
  isLoopKeyword,
  shortModuleName,
} from './keywords.js';

/** Blocks inside blocks; each level is also two levels of YAML nesting. */
export const MAX_BLOCK_DEPTH = 32;

const HANDLER_PATH = /(^|\/)handlers\//;
const TASK_PATH = /(^|\/)(tasks|handlers)\//;
const VARS_PATH = /(^|\/)(vars|defaults|group_vars|host_vars)\//;
const META_PATH = /(^|\/)meta\/main\.ya?ml$/;
const INVENTORY_PATH = /(^|\/)(inventory|inventories)\/|(^|\/)hosts\.ya?ml$/;
/** Group and host variables, which are vars files wherever they sit, beside an inventory too. */
const GROUP_OR_HOST_VARS_PATH = /(^|\/)(group_vars|host_vars)\//;
const PLAY_KEYS = new Set(['hosts', 'import_playbook', 'ansible.builtin.import_playbook']);

type Pair = { key: string; keyNode: YamlNode; value: YamlNode | null };

export function parseAnsible(path: string, source: string): ParseOutcome {
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(source);
    const model = new AnsibleModelBuilder(path, source, parsed).build();
    return { ok: true, model };
  } catch (error) {
    if (error instanceof UnanalysableError) return { ok: false, error: error.toFileError(path) };
    throw error;
  }
}

class AnsibleModelBuilder {
  private readonly model: FileModel;
  private values!: YamlValueBuilder;
  /** the line of the play being read, which applies the roles its tasks include */
  private playLine: number | undefined;

  constructor(
    private readonly path: string,
    private readonly source: string,
    private readonly parsed: ParsedYaml,
  ) {
    this.model = {
      path,
      language: 'ansible',
      kind: 'data',
      units: [],
      variables: [],
      comments: parsed.comments,
      conditions: [],
      lines: withoutByteOrderMark(source).split(/\r?\n/),
    };
  }

  build(): FileModel {
    const kinds: FileKind[] = [];
    for (const doc of this.parsed.documents) {
      this.values = new YamlValueBuilder(this.parsed, doc, { isDynamic: isJinja });
      const root = doc.contents as YamlNode | null;
      if (root) kinds.push(this.document(doc, root));
    }
    this.model.kind = kinds[0] ?? (VARS_PATH.test(this.path) ? 'vars' : 'data');
    return this.model;
  }

  private document(_doc: Document.Parsed, root: YamlNode): FileKind {
    const node = this.values.deref(root);
    if (isSeq(node)) {
      const items = node.items
        .map((item) => this.values.deref(item as YamlNode))
        .filter((item) => isMap(item));
      const itemKeys = items.map((item) => this.values.pairsOf(item).map((pair) => pair.key));
      if (itemKeys.some((keys) => keys.some((key) => PLAY_KEYS.has(key)))) {
        for (const item of items) this.play(item);
        return 'playbook';
      }
      if (TASK_PATH.test(this.path) || itemKeys.some(looksLikeTask)) {
        this.taskList(node, HANDLER_PATH.test(this.path) ? 'handler' : 'task', 0);
        return 'tasks';
      }
    }
    const value = this.values.value(root);
    if (isMap(node)) {
      const keys = this.values.pairsOf(node).map((pair) => pair.key);
      const inventory =
        INVENTORY_PATH.test(this.path) || keys.includes('all') || keys.includes('ungrouped');
      if (inventory && !GROUP_OR_HOST_VARS_PATH.test(this.path)) {
        this.flatten(value, [], 'inventory');
        return 'inventory';
      }
      if (VARS_PATH.test(this.path)) {
        this.flatten(value, [], 'vars-file');
        return 'vars';
      }
      const dependencies = META_PATH.test(this.path)
        ? this.values.pairsOf(node).find((pair) => pair.key === 'dependencies')
        : undefined;
      if (dependencies) {
        // A role's dependencies apply other roles, with parameters, whenever it runs.
        this.flatten(
          { ...value, entries: value.entries?.filter((entry) => entry.name !== 'dependencies') },
          [],
          'data',
        );
        this.roles(dependencies.value, this.values.rangeOfNode(node).line);
        return 'data';
      }
    }
    this.flatten(value, [], 'data');
    return 'data';
  }

  private play(node: YamlNode): void {
    const pairs = this.values.pairsOf(node);
    const sections = new Set<string>([...PLAY_TASK_SECTIONS, 'vars', 'roles']);
    const keywords = pairs
      .filter((pair) => !sections.has(pair.key))
      .map((pair) => this.attribute(pair));
    const importKey = pairs.find((pair) => pair.key.endsWith('import_playbook'));
    const listed = this.roleNames(pairs.find((pair) => pair.key === 'roles')?.value ?? null);
    const playUnit: Unit = {
      kind: 'play',
      type: importKey ? 'import_playbook' : 'play',
      typeAsWritten: importKey?.key ?? 'play',
      typeRange: importKey
        ? this.values.rangeOfNode(importKey.keyNode)
        : this.values.rangeOfNode(node),
      ...this.nameOf(pairs),
      attributes: importKey ? [this.attribute(importKey)] : [],
      keywords,
      ...listed,
      range: this.values.rangeOfNode(node),
    };
    this.model.units.push(playUnit);
    const firstUnit = this.model.units.length;
    const playLine = this.values.rangeOfNode(node).line;
    this.playLine = playLine;
    let playVars: Variable[] = [];
    for (const pair of pairs) {
      if (pair.key === 'vars') {
        const start = this.model.variables.length;
        this.flatten(this.values.value(pair.value), [], 'play');
        playVars = this.model.variables.slice(start);
      } else if (pair.key === 'roles') this.roles(pair.value, playLine);
      else if (pair.key === 'handlers') this.taskList(pair.value, 'handler', 0);
      else if ((PLAY_TASK_SECTIONS as readonly string[]).includes(pair.key))
        this.taskList(pair.value, 'task', 0);
    }
    // The play's vars reach every role it applies (those it lists and those its tasks include)
    // and the templates its own tasks render.
    const applied = new Set(listed.roles);
    const rendered = new Set<string>();
    for (const unit of this.model.units.slice(firstUnit)) {
      const role = includedRole(unit);
      if (role !== undefined) applied.add(role);
      for (const template of renderedTemplates(this.path, unit, true)) rendered.add(template);
    }
    this.playLine = undefined;
    if (rendered.size > 0) playUnit.renders = [...rendered];
    if (applied.size === 0 && rendered.size === 0) return;
    const appliesTo = {
      units: [...applied],
      ...(rendered.size > 0 ? { files: [...rendered] } : {}),
      asParameters: false,
      line: playLine,
    };
    for (const variable of playVars) variable.appliesTo = appliesTo;
  }

  /** The roles a play applies: `- ssh`, `- role: ssh`, `- { name: ssh }`. */
  private roleNames(node: YamlNode | null): { roles?: string[]; roleRanges?: SourceRange[] } {
    if (!node) return {};
    const list = this.values.deref(node);
    if (!isSeq(list)) return {};
    const roles: string[] = [];
    const roleRanges: SourceRange[] = [];
    for (const item of list.items) {
      const entry = this.values.value(item as YamlNode);
      const named =
        entry.kind === 'string'
          ? entry
          : entry.entries?.find((pair) => pair.name === 'role' || pair.name === 'name')?.value;
      if (named?.kind === 'string' && typeof named.value === 'string') {
        roles.push(named.value);
        roleRanges.push(named.range);
      }
    }
    return { roles, roleRanges };
  }

  /** Role entries with parameters (`- { role: db, db_password: x }`) assign variables. */
  private roles(node: YamlNode | null, playLine: number): void {
    if (!node) return;
    const list = this.values.deref(node);
    if (!isSeq(list)) return;
    for (const item of list.items) {
      const pairs = this.values.pairsOf(item as YamlNode);
      const named = pairs.find((pair) => pair.key === 'role' || pair.key === 'name');
      const role = named && writtenString(this.values.value(named.value));
      const appliesTo =
        role === undefined ? undefined : { units: [role], asParameters: true, line: playLine };
      for (const pair of pairs) {
        if (pair.key === 'role' || pair.key === 'name' || TASK_KEYWORDS.has(pair.key)) {
          if (pair.key === 'vars')
            this.flatten(this.values.value(pair.value), [], 'play', appliesTo);
          continue;
        }
        this.flatten(
          {
            kind: 'map',
            text: '',
            dynamic: false,
            entries: [this.attribute(pair)],
            range: this.values.rangeOfNode(pair.keyNode),
          },
          [],
          'play',
          appliesTo,
        );
      }
    }
  }

  private taskList(node: YamlNode | null, kind: UnitKind, depth: number): void {
    if (!node) return;
    const list = this.values.deref(node);
    if (!isSeq(list)) return;
    for (const item of list.items) {
      const task = this.values.deref(item as YamlNode);
      if (isMap(task)) this.task(task, kind, depth);
    }
  }

  private task(node: YamlNode, kind: UnitKind, depth: number): void {
    if (depth > MAX_BLOCK_DEPTH)
      throw new YamlError(
        'too-deep',
        `blocks nested deeper than ${MAX_BLOCK_DEPTH} levels are not analysed`,
        this.values.rangeOfNode(node).line,
      );
    const pairs = this.values.pairsOf(node);
    const range = this.values.rangeOfNode(node);
    const isBlock = pairs.some((pair) => (BLOCK_SECTIONS as readonly string[]).includes(pair.key));
    const moduleIndex = isBlock
      ? -1
      : pairs.findIndex((pair) => !TASK_KEYWORDS.has(pair.key) && !isLoopKeyword(pair.key));
    const modulePair = pairs[moduleIndex];
    const keywordPairs = pairs.filter(
      (pair, index) =>
        index !== moduleIndex && !(BLOCK_SECTIONS as readonly string[]).includes(pair.key),
    );
    const keywords = keywordPairs
      .filter((pair) => pair.key !== 'args')
      .map((pair) => this.attribute(pair));

    let type = isBlock ? 'block' : '';
    let typeAsWritten = type;
    let typeRange = range;
    let attributes: Attribute[] = [];
    if (modulePair) {
      typeRange = this.values.rangeOfNode(modulePair.keyNode);
      typeAsWritten = modulePair.key;
      type = shortModuleName(modulePair.key);
      attributes = this.moduleArguments(modulePair.value, type);
    } else if (!isBlock) {
      const action = keywordPairs.find(
        (pair) => pair.key === 'action' || pair.key === 'local_action',
      );
      if (action) {
        ({ type, typeAsWritten, attributes } = this.action(action.value));
        typeRange = this.values.rangeOfNode(action.keyNode);
      }
    }
    const args = keywordPairs.find((pair) => pair.key === 'args');
    if (args)
      for (const entry of this.values.value(args.value).entries ?? []) attributes.push(entry);

    if (type) {
      this.model.units.push({
        kind: isBlock ? 'block' : kind,
        type,
        typeAsWritten,
        typeRange,
        ...this.nameOf(pairs),
        attributes,
        keywords,
        range,
      });
    }
    // The vars of an `include_role` task are the included role's too, those of an
    // `include_tasks` task the included file's, and those of a `template` task its template's.
    const included = includedRole({ type, attributes });
    const inPlay = this.playLine !== undefined;
    const files = [
      ...includedTaskFiles(this.path, { type, attributes }, inPlay),
      ...renderedTemplates(this.path, { type, attributes }, inPlay),
    ];
    const appliesTo =
      included !== undefined
        ? { units: [included], asParameters: true, line: this.playLine ?? range.line }
        : files.length > 0
          ? { units: [], files, asParameters: true, line: range.line }
          : undefined;
    const firstInner = this.model.units.length;
    let vars: Variable[] = [];
    for (const pair of pairs) {
      if (pair.key === 'vars') {
        const start = this.model.variables.length;
        this.flatten(this.values.value(pair.value), [], 'task', appliesTo);
        vars = this.model.variables.slice(start);
      }
      if (isBlock && (BLOCK_SECTIONS as readonly string[]).includes(pair.key))
        this.taskList(pair.value, kind, depth + 1);
    }
    // A block's vars reach what its tasks include and render.
    if (isBlock && vars.length > 0) {
      const inner = this.model.units.slice(firstInner);
      const roles = inner.flatMap((unit) => includedRole(unit) ?? []);
      const innerFiles = inner.flatMap((unit) => [
        ...includedTaskFiles(this.path, unit, inPlay),
        ...renderedTemplates(this.path, unit, inPlay),
      ]);
      if (roles.length > 0 || innerFiles.length > 0) {
        const reaches = {
          units: [...new Set(roles)],
          files: [...new Set(innerFiles)],
          asParameters: true,
          line: range.line,
        };
        for (const variable of vars) variable.appliesTo = reaches;
      }
    }
  }

  /** `action: get_url url=...` or `action: { module: get_url, url: ... }`. */
  private action(node: YamlNode | null): {
    type: string;
    typeAsWritten: string;
    attributes: Attribute[];
  } {
    const value = this.values.value(node);
    if (value.kind === 'map') {
      const moduleEntry = value.entries?.find((entry) => entry.name === 'module');
      const written =
        typeof moduleEntry?.value.value === 'string' ? moduleEntry.value.value : 'action';
      return {
        type: shortModuleName(written),
        typeAsWritten: written,
        attributes: (value.entries ?? []).filter((entry) => entry.name !== 'module'),
      };
    }
    const text = typeof value.value === 'string' ? value.value : '';
    const match = /^\s*(\S+)\s*/.exec(text);
    const written = match?.[1] ?? 'action';
    const type = shortModuleName(written);
    const offset = match?.[0].length ?? 0;
    return {
      type,
      typeAsWritten: written,
      attributes: this.freeFormAttributes(node, text.slice(offset), offset, type),
    };
  }

  private moduleArguments(node: YamlNode | null, type: string): Attribute[] {
    const value = this.values.value(node);
    if (value.kind === 'map') return value.entries ?? [];
    if (value.kind === 'string' && typeof value.value === 'string')
      return this.freeFormAttributes(node, value.value, 0, type);
    if (value.kind === 'null') return [];
    return [{ name: '_raw_params', value, range: value.range }];
  }

  private freeFormAttributes(
    node: YamlNode | null,
    text: string,
    offset: number,
    type: string,
  ): Attribute[] {
    const { params, raw } = parseFreeForm(text, FREE_FORM_MODULES.has(type));
    const attributes: Attribute[] = params.map((param) => {
      const range = this.subRange(node, offset + param.start, offset + param.end);
      const written = text.slice(param.start + param.name.length + 1, param.end);
      return { name: param.name, value: this.stringValue(param.value, written, range), range };
    });
    if (raw) {
      const range = this.subRange(node, offset + raw.start, offset + raw.end);
      attributes.push({
        name: '_raw_params',
        value: this.stringValue(raw.text, raw.text, range),
        range,
      });
    }
    return attributes;
  }

  private stringValue(value: string, text: string, range: SourceRange): Value {
    return { kind: 'string', value, text, dynamic: isJinja(value), range };
  }

  /**
   * The range of part of a one-line scalar. Plain and simply quoted scalars map their value
   * onto the source one to one; anything else (folded, escaped) points at the whole scalar.
   */
  private subRange(node: YamlNode | null, start: number, end: number): SourceRange {
    const whole = this.values.rangeOfNode(node);
    if (!node || !isScalar(node) || !node.range || whole.line !== whole.endLine) return whole;
    const text = this.parsed.text.slice(node.range[0], node.range[1]);
    const value = String(node.value);
    let base: number | undefined;
    if (text === value) base = node.range[0];
    else if (/^["']/.test(text) && text.slice(1, -1) === value) base = node.range[0] + 1;
    return base === undefined ? whole : this.parsed.rangeOf(base + start, base + end);
  }

  private attribute(pair: Pair): Attribute {
    return {
      name: pair.key,
      value: this.values.value(pair.value),
      range: this.values.rangeOfNode(pair.keyNode),
    };
  }

  private nameOf(pairs: Pair[]): { name?: string } {
    const name = pairs.find((pair) => pair.key === 'name');
    const value = name ? this.values.value(name.value).value : undefined;
    return typeof value === 'string' ? { name: value } : {};
  }

  /**
   * Every key of a nested vars structure becomes a variable with its full path; `appliesTo`
   * says which roles it is given to.
   */
  private flatten(
    value: Value,
    path: string[],
    scope: VariableScope,
    appliesTo?: Application,
  ): void {
    if (value.kind === 'map') {
      for (const entry of value.entries ?? []) {
        const entryPath = [...path, entry.name];
        const variable: Variable = {
          name: entry.name,
          path: entryPath,
          value: entry.value,
          scope,
          range: entry.range,
          ...(appliesTo ? { appliesTo } : {}),
        };
        this.model.variables.push(variable);
        this.flatten(entry.value, entryPath, scope, appliesTo);
      }
    } else if (value.kind === 'list') {
      (value.items ?? []).forEach((item, index) =>
        this.flatten(item, [...path, String(index)], scope, appliesTo),
      );
    }
  }
}

/** A mapping that names a task keyword besides its one module key. */
function looksLikeTask(keys: string[]): boolean {
  const modules = keys.filter((key) => !TASK_KEYWORDS.has(key) && !isLoopKeyword(key));
  if (keys.some((key) => (BLOCK_SECTIONS as readonly string[]).includes(key))) return true;
  if (modules.length !== 1) return false;
  const moduleKey = modules[0] as string;
  return (
    moduleKey.includes('.') ||
    keys.some((key) => key !== 'name' && (TASK_KEYWORDS.has(key) || isLoopKeyword(key))) ||
    keys.includes('name')
  );
}

export type { Unit };
