/**
 * Parsing a file: a configuration file a role, module or cookbook deploys is read by the config
 * readers (`src/parsers/config/`) in the deploying language's template dialect, and so is a
 * tool's own settings file (`ansible.cfg`); anything else by its language's parser. A parser
 * turns source text into the shared model, or explains in one line why it cannot.
 */
import type { ParseOutcome } from '../model/parse-outcome.js';
import type { Deployment, Language } from '../model/model.js';
import { descriptorOf, LANGUAGE_DESCRIPTORS } from './index.js';
import { wholeReferenceName } from './references.js';
import { configFormatOf, formatByName } from '../parsers/config/formats.js';
import {
  parseConfig,
  templateSyntax,
  type TemplateDialect,
} from '../parsers/config/parse-config.js';
import { initTemplateParser } from '../parsers/templates/erb-tags.js';

/** What a run will read, for loading only the grammars it needs. */
export interface GrammarNeeds {
  /** the languages whose parser reads one of the files with its grammar */
  grammars: ReadonlySet<Language>;
  /** whether an ERB or EPP template is among the files, as a file or inline in code */
  templates: boolean;
}

/** The grammars needed to read these files, each in the language it is read in. */
export function grammarNeeds(
  files: Iterable<{ path: string; content: string; language: Language | undefined }>,
): GrammarNeeds {
  const grammars = new Set<Language>();
  let templates = false;
  for (const { path, content, language } of files) {
    if (!language) continue;
    const descriptor = descriptorOf(language);
    if (descriptor.grammar?.reads(path)) grammars.add(language);
    const syntax = templateSyntax(path);
    templates ||=
      syntax === 'erb' || syntax === 'epp' || descriptor.templates.inCode?.(content) === true;
  }
  return { grammars, templates };
}

const EVERY_GRAMMAR: GrammarNeeds = {
  grammars: new Set(Object.keys(LANGUAGE_DESCRIPTORS) as Language[]),
  templates: true,
};

/**
 * Loads the grammars that run as WebAssembly (the languages', templates) that a run's files
 * need, each once per process: a scan with nothing to read loads none, an Ansible tree no Ruby,
 * Puppet modules without a Puppetfile no Ruby either. One after the other (`grammar-parser.ts`):
 * web-tree-sitter's runtime must finish initialising before a second grammar loads. The shell
 * grammar is the rules' and not the parsers': the engine loads it with the first file whose
 * commands need it (`analyze-file.ts`).
 */
export async function initParsers(needs: GrammarNeeds = EVERY_GRAMMAR): Promise<void> {
  for (const language of needs.grammars) await descriptorOf(language).grammar?.load();
  if (needs.templates) await initTemplateParser();
}

export function parseFile(
  path: string,
  source: string,
  language: Language,
  deployment?: Deployment,
): ParseOutcome {
  const config = configFormatOf(path, deployment?.destination);
  if (config)
    return parseConfig(
      path,
      source,
      language,
      dialectOf(language, deployment),
      config,
      formatByName(path) || !deployment?.destination
        ? undefined
        : `by its destination ${deployment.destination}`,
    );
  return descriptorOf(language).parse(path, source);
}

/** How a language's templates read; the scope the code renders a template in comes first. */
function dialectOf(language: Language, deployment: Deployment | undefined): TemplateDialect {
  const { templates, variables } = descriptorOf(language);
  return {
    interpolate: (syntax) => templates.interpolate(syntax),
    scopeOf: (path) =>
      deployment?.scope === undefined ? templates.scopeOf?.(path) : (deployment.scope ?? undefined),
    templated: variables.templated,
    variableOf: (interpolation) => wholeReferenceName(interpolation, language),
  };
}
