/**
 * One configuration-management language as the rest of Posture sees it: its files and how they
 * are recognised, its parser, how its code reads variables and where a definition reaches, and
 * where its code runs. Each language is one descriptor (a folder here), registered in
 * `index.ts`. Rules keep their own per-language knowledge (`src/rules/knowledge/`) and report
 * in a language only when they declare it.
 */
import type {
  Application,
  FileModel,
  FlagGuard,
  Language,
  SourceRange,
  Value,
  Variable,
  VariableTest,
} from '../model/model.js';
import type { DefinitionOrigin, VariableDefinition } from '../model/definition.js';
import type { ParseOutcome } from '../model/parse-outcome.js';
import type { FilePlace } from './layout.js';
import type { YamlOutline } from '../parsers/yaml/outline.js';
import type { TemplateSyntax } from '../parsers/config/parse-config.js';

/** How strongly a path alone says a file is a language's: by its name, its folder, its extension. */
export type PathClaim = 'name' | 'folder' | 'extension';

export interface LanguageDescriptor {
  id: Language;
  /** for people: `Ansible` */
  name: string;
  /** extensions of the files the CLI reads for it */
  extensions: readonly string[];
  /** its files for people, in the reason a file is left alone: `Puppet (.pp)` */
  filesDescription: string;
  /** the files it reads by name, for people: `Puppetfile` */
  namedFilesDescription: string;
  /** the unit that keeps its code and templates together, for people: `a Puppet module` */
  unitDescription: string;
  /**
   * Further files it reads whatever their extension, judged by path: Ansible's INI inventories
   * and `ansible.cfg`, a Puppetfile, Chef data bag items and a Berksfile.
   */
  namedFiles(path: string): boolean;
  /** source text to the shared model, or a one-line reason why not */
  parse(path: string, source: string): ParseOutcome;
  /**
   * The WebAssembly grammar its parser reads some of its files with, loaded once per process
   * when a run has such a file: Chef's Ruby, which a Puppetfile is written in too.
   */
  grammar?: {
    load(): Promise<void>;
    /** whether the parser reads the file at this path with the grammar */
    reads(path: string): boolean;
  };

  recognition: Recognising;
  templates: DeployedTemplates;
  variables: VariableReading;
  /**
   * The files a file's code includes or renders, each with what the flags the including task
   * tests must answer for it to run (`include_tasks: lab.yml` with `when: lab | bool`);
   * absent where the language's code does not include files under conditions. `registered`:
   * the names the run's code registers host findings under (see `registers`).
   */
  includedFiles?(model: FileModel, registered?: ReadonlySet<string>): IncludedFile[];
  /**
   * Where the language's code records what it finds on a host under a name that later
   * conditions test (Ansible's `register:`): such a condition picks hosts, as a fact does,
   * whichever file of the run registers the name. `mayRegister` tells from a file's text whether
   * it may (read with the files that define variables, before any file is analysed);
   * `namesIn` reads the names from its model. Absent where the language has no such thing.
   */
  registers?: {
    mayRegister: RegExp;
    namesIn(model: FileModel): ReadonlySet<string>;
  };
  /** where a changed file of this language runs, when the repository says so */
  reach(path: string, model: FileModel | undefined, inputs: ReachInputs): Omit<ChangeReach, 'path'>;
}

/** How a language tells its files from others', for the CLI's walk and a review's fetch. */
export interface Recognising {
  /**
   * A file of its own that is no `.yml`/`.yaml`, told by extension or name (`.pp`, a cookbook's
   * `.rb`, a Berksfile): undefined when the file is none of its; `'yaml'` when it is to be
   * recognised as YAML (an inventory without an extension written in YAML); a recognition
   * without a language when it looks like one but is left alone, with the reason.
   */
  file?(path: string, content: string): Recognition | 'yaml' | undefined;
  /** YAML of its own by path (`roles/x/tasks/`, `hieradata/`); `outline` reads the content once */
  yamlByPath?(path: string, content: string, outline: () => YamlOutline): Recognition | undefined;
  /** YAML of its own by content: plays, task lists, keys that name class parameters */
  yamlByContent?(outline: YamlOutline, path: string): Recognition | undefined;
  /** the kinds of YAML it reads, for the reason YAML is left alone: `Hiera data` */
  yamlKinds?: string;
  /** what the content of such YAML shows, for the same reason: `no play names hosts` */
  yamlEvidence?: string;
  /**
   * Code of its own kept under a test folder, which is read (and reported apart) although its
   * path alone would leave it: a Chef cookbook among Test Kitchen fixtures.
   */
  testCode?(path: string, content: string): boolean;
  /** from the path alone, how strongly a file would be read in this language */
  pathClaim(path: string): PathClaim | undefined;
  /** from the path alone, whether a changed file could be one Posture analyses in this language */
  mayBeAnalysed(path: string): boolean;
}

/** The configuration files its units deploy: which are its own, and how their expressions read. */
export interface DeployedTemplates {
  /** the template syntaxes its templates are written in (`none` for files deployed as they are) */
  syntaxes: readonly TemplateSyntax[];
  /**
   * Whether this source of its code holds ERB templates inline (Puppet's `inline_template()`),
   * so that the run needs the template grammar even with no template file.
   */
  inCode?(source: string): boolean;
  /** by the template's extension or the folder layout it sits in */
  ownsByPath(path: string): boolean;
  /** by what the template reads (`node[...]`, `scope[...]`) */
  ownsByContent(content: string): boolean;
  /**
   * A template expression written as this language's own interpolation, so the variable flow
   * reads it like any other value (`@port` → `${port}` in Puppet).
   */
  interpolate(syntax: TemplateSyntax): (code: string) => string;
  /** the scope a template's bare names are read in (a Puppet module's class), if any */
  scopeOf?(path: string): string | undefined;
  /**
   * A path that shows the language's layout; its first group is the folder whose `templates/`
   * and `files/` the language deploys (`site/ssh/manifests/init.pp` → `site/ssh`).
   */
  layoutSign: RegExp;
  /**
   * Where the run's code puts its templates, read from the text before anything is parsed:
   * template name (or `module/name`) → destination on the host.
   */
  destinations(files: readonly SourceText[], into: Map<string, string>): void;
  /**
   * The scope each template is rendered in, where the code says (a Puppet class that calls
   * `template()`), read from the text before anything is parsed: template path → the scope and
   * the file that defines it, or `null` where no one scope applies (several callers, a defined
   * type). Either overrides `scopeOf` for that template.
   */
  renderers?(files: readonly SourceText[], into: Map<string, TemplateRenderer | null>): void;
}

/** The code that renders a template: the scope it reads, and the file that scope is defined in. */
export interface TemplateRenderer {
  scope: string;
  path: string;
}

/** How a definition is named, whom it reaches, and how the language's strings read variables. */
export interface VariableReading {
  /** whether a string still computes something: a template, an interpolation, a reference */
  templated: RegExp;
  /** whether a file sets variables for other files: these are read before the files that use them */
  definesForOthers(path: string): boolean;
  /**
   * Where files sit for variable resolution, given every path of the run (some layouts are
   * known only from the whole tree, such as the folders that hold Ansible's `roles/`): the unit
   * a file belongs to and the tree around it.
   */
  placer(paths: readonly string[]): (path: string) => FilePlace;
  /** the name a definition file gives a variable, and where it comes from; undefined when it shares none */
  shared(variable: Variable, model: FileModel, inUnit: boolean): SharedReading | undefined;
  /** the definitions a file gives itself (play vars, parameter defaults, locals) */
  own(variable: Variable): OwnReading | undefined;
  /** how values given where units are applied reach them; undefined when the language gives none */
  applied?: AppliedReading;
  /** references written in a string value, in order */
  referencesIn(text: string): FoundReference[];
  /** the variable a whole reference or call value reads, when it is a plain variable */
  wholeValueName(value: Value): string | undefined;
  /**
   * Present where a dict set at a higher precedence replaces a lower one whole, as Ansible's
   * default `hash_behaviour` does: a key only the lower one sets is not read.
   */
  replacedDicts?: ReplacedDicts;
}

/** A file a file's code includes or renders (`LanguageDescriptor.includedFiles`). */
export interface IncludedFile {
  /** by path in the run: each place the language would look for it */
  path: string;
  /**
   * What each flag the including task's conditions test must answer: none where it always runs
   * as far as Posture reads its conditions (none, or tests that only pick hosts, or a condition
   * not read as flags).
   */
  guards: readonly FlagGuard[];
}

/**
 * Dicts replaced whole (`VariableReading.replacedDicts`): with `ssh: {port: 2222}` in group vars,
 * `ssh.permit_root` from role defaults is not read. A project may say it merges them instead,
 * in a settings file of the tool (`hash_behaviour = merge` in `ansible.cfg`).
 */
export interface ReplacedDicts {
  /**
   * Whether a definition sets its dict wherever the code that reads it runs, and so replaces a
   * lower one: group vars of `all` do, those of one group or host leave the others the lower
   * dict, and are not taken to replace it.
   */
  replacesEverywhere(definition: VariableDefinition): boolean;
  /** the settings files that may say dicts are merged, by path: a review reads them with the code */
  settingsFile: RegExp;
  /** whether such a file's text says that dicts are merged */
  mergedBy(content: string): boolean;
}

/**
 * Values given to units where the code applies them: an Ansible play's vars and role
 * parameters (`Variable.appliesTo`), the parameters of a Puppet resource-like class declaration,
 * the attributes of a Chef role, environment or node.
 */
export interface AppliedReading {
  /**
   * Whether a file's text may apply units with values (an Ansible play's `roles:`, an
   * `include_role` task, `class { 'ssh': ... }`): such files are read before the files of the
   * units they reach.
   */
  mayApply: RegExp;
  /** which files may apply units, judged from their paths: `.yml` playbooks, `.pp` manifests */
  pathMayApply: RegExp;
  /**
   * Whether such a file, in its tree, may apply units that sit under another top folder of the
   * run: a playbook beside `roles/`, a manifest of a control repository whose modules sit in
   * `modules/` and `site/`. Judged from paths alone: `topFolders` are those of the run.
   */
  reachesOtherTops(path: string, tree: string, topFolders: ReadonlySet<string>): boolean;
  /** the values a file gives the units it applies */
  given(model: FileModel): GivenValue[];
  /**
   * Whether a given value that names a variable is read where it is given, as Puppet reads a
   * class declaration's parameters in the declaring scope; otherwise it is read where the unit
   * uses it, as Ansible templates a role parameter in the role's tasks.
   */
  readWhereGiven?: boolean;
  /**
   * The folder of a unit the code names, seen from the tree of the file that applies it;
   * undefined when the run cannot hold it.
   */
  unitFolder(unit: string, tree: string): string | undefined;
  /**
   * Which files belong to a unit the code names, seen from the tree of the file that applies
   * it: the files a review reads when that file changes.
   */
  unitFiles(unit: string, tree: string): (path: string) => boolean;
  /**
   * Whether a file may apply, with values, the unit of a changed file, judged from paths (a
   * playbook of the role's project, a profile manifest, a Chef role): the files a review reads
   * when a unit's code changes, since only their text tells what they apply.
   */
  mayApplyTo(path: string, place: FilePlace, changed: FilePlace): boolean;
  /**
   * The files a file gives, whole, to the units it applies (an Ansible play's `vars_files:`),
   * by path in the run, and how each value of such a file reaches them.
   */
  givenFiles?: {
    of(model: FileModel): Array<{ path: string; application: Application }>;
    values(model: FileModel, application: Application): GivenValue[];
  };
}

export interface GivenValue {
  /** the name the units read it by */
  name: string;
  value: Value;
  range: SourceRange;
  origin: DefinitionOrigin;
  application: Application;
  /** a Chef attribute's precedence level (`Variable.precedence`) */
  precedence?: number;
  /**
   * The scope the value is given in (the Puppet class around a declaration), whose variables
   * the value's references name first, when they are read where it is given.
   */
  scope?: string;
}

export interface SharedReading {
  name: string;
  origin: DefinitionOrigin;
}

/** How strongly a definition binds in its own file, highest first. */
export type OwnLevel = 'local' | 'play' | 'parameterDefault';

export interface OwnReading {
  name: string;
  origin: DefinitionOrigin;
  level: OwnLevel;
  /** further names references use for it (`profile::selinux::mode` for `mode`) */
  aliases: string[];
}

export interface Recognition {
  /** the language Posture reads the file in; undefined when it leaves the file alone */
  language: Language | undefined;
  /** why, in words: `an Ansible task list (it calls modules)`, `a Docker Compose file` */
  reason: string;
  /**
   * For a file left alone: the language it would be read in when the caller insists (the
   * language its extension belongs to), or undefined when no parser reads such a file.
   */
  forceAs?: Language;
}

export interface SourceText {
  path: string;
  content: string;
}

export interface ChangeReach {
  /** the changed file */
  path: string;
  /** what it reaches, one phrase each: "every host of every inventory", "play `Web` in site.yml (hosts: web)" */
  reaches: string[];
  /** it reaches every host the repository manages */
  everyHost: boolean;
}

export interface ReachInputs {
  changed: readonly string[];
  /** the models of the head analysis, changed and unchanged files */
  models: ReadonlyMap<string, FileModel>;
  /** the text of files that are no code Posture analyses but place code on hosts (Chef roles) */
  texts: ReadonlyMap<string, string>;
}

export interface Reference {
  /** where it is written in the value's string, or the whole value for a reference value */
  start: number;
  end: number;
  /** the variable it reads; undefined for a literal written in the expression (`{{ 'ALL' }}`) */
  name?: string;
  /**
   * the variables read instead, in turn, when `name` has no definition (`a | default(b) |
   * default(c)`); `fallback` comes after them, when none has one
   */
  fallbackNames?: readonly string[];
  /** the literal it gives when the variable has no definition (`default('ALL')`), or the literal it is */
  fallback?: string;
  /** filters that change the text of what the variable holds (`lower`, `upper`, `trim`) */
  transforms: readonly string[];
  /**
   * The expression picks one of two literals by a test of the variable
   * (`'yes' if (x | bool) else 'no'`, `x | bool | ternary('yes', 'no')`): the value is one of
   * them, never the variable's own.
   */
  choice?: Choice;
  /** the reference is all the value is */
  whole: boolean;
}

/**
 * How an expression turns a variable into one of two literals: the first when the variable
 * passes the test (`src/rules/support/truth.ts` says how each test answers), the second when
 * it does not.
 */
export interface Choice {
  test: VariableTest;
  whenTrue: string;
  whenFalse: string;
}

/** A reference found in a string, before it is known whether it is all the string is. */
export type FoundReference = Omit<Reference, 'whole'>;
