/**
 * What a `posture` command line asks for, once parsed: one of these commands.
 */
import type { Severity } from '../model/finding.js';
import type { Language } from '../model/model.js';
import type { Profile } from '../rules/profiles.js';
import type { OnUnanalysable, Threshold } from '../policy/types.js';

/** The sub-commands, as typed after `posture`. */
export const COMMAND_NAMES = ['scan', 'review', 'rules', 'config validate'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** `posture rules` and `posture config validate` print for people or for scripts. */
export const LISTING_FORMATS = ['text', 'json'] as const;
export type ListingFormat = (typeof LISTING_FORMATS)[number];

export const DEFAULT_FAIL_ON: Severity = 'high';

export interface PolicyFiles {
  /** the repository policy; by default the nearest `.security.yml` up to the repository root */
  config?: string;
  /** an org policy to layer underneath, as the app does with the org's .github repository */
  orgConfig?: string;
}

export interface ScanCommand extends PolicyFiles {
  name: 'scan';
  paths: string[];
  language?: Language;
  format: ScanFormat;
  /** overrides the policy's fail_on */
  failOn?: Threshold;
  /** overrides the policy's on_unanalysable */
  onUnanalysable?: OnUnanalysable;
  output?: string;
  /** only these rules or categories run (all when empty) */
  onlyRules: string[];
  /** these rules or categories do not run */
  skipRules: string[];
  /** findings whose fingerprints this file lists are accepted */
  baseline?: string;
  /** write the open findings' fingerprints to this file */
  writeBaseline?: string;
  /** only findings new since this git revision are reported */
  diffBase?: string;
  /** overrides the policy's profile */
  profile?: Profile;
  /** files named on the command line that Posture does not read are skipped instead of exiting 2 */
  ignoreUnrecognised: boolean;
}

export interface ValidateConfigCommand {
  name: 'config validate';
  /** the file to check; by default the nearest `.security.yml` up to the repository root */
  file?: string;
  /** check it as the org policy (which may lock rules) */
  org: boolean;
  /** an org policy the file is layered on */
  orgConfig?: string;
  format: ListingFormat;
}

export interface RulesCommand extends PolicyFiles {
  name: 'rules';
  language?: Language;
  format: ListingFormat;
  output?: string;
}

/** A dry run of the App on a real pull request: what it would post, posting nothing. */
export interface ReviewCommand extends PolicyFiles {
  name: 'review';
  /** `https://<host>/<owner>/<repo>/pull/<number>` */
  url: string;
  format: ListingFormat;
  output?: string;
}

export interface HelpCommand {
  name: 'help';
  /** help on one command; the whole reference when absent */
  topic?: CommandName;
}

export type Command =
  | ScanCommand
  | ReviewCommand
  | RulesCommand
  | ValidateConfigCommand
  | HelpCommand
  | { name: 'version' };
