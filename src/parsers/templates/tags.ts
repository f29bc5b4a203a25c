/**
 * A template as its tags: the spans of template-language code in otherwise literal text.
 * Jinja2 and ERB/EPP both reduce to this, so that rendering a template's lines
 * (`render-lines.ts`) knows nothing of either syntax.
 */
import type { ConditionParts } from './condition-parts.js';

export type TagKind =
  /** `{{ x }}`, `<%= x %>`: its value is written into the file */
  | 'output'
  /** `{% if x %}`, `<% if x %>`: control flow, writes nothing itself */
  | 'statement'
  /** `{# ... #}`, `<%# ... %>` */
  | 'comment';

export interface TemplateTag {
  kind: TagKind;
  /** the code between the delimiters, trimmed, without whitespace-control marks */
  code: string;
  /** offsets of the whole tag, delimiters included, in the template's source */
  start: number;
  end: number;
  /** how the tag changes the depth of conditions and loops around the text after it */
  nesting: 'opens' | 'closes' | 'continues' | 'none';
  /** for a tag that opens a block: whether the block is a condition (else a loop or a macro) */
  condition?: boolean;
  /**
   * For a tag that opens or continues a condition (`if`, `elif`, `unless`, `elsif`), when the
   * condition is read: the ways it can hold, one for each part `or` joins at its top (a single
   * one without `or`), each with the tests of one variable (`x11 | bool`, `mode == 'on'`,
   * `@x11`) that must all pass, and whether it also asks what the host is
   * (`ansible_os_family == 'Debian'`), which makes the text under it written on every host of
   * that kind as if only those tests decided it.
   */
  ways?: readonly ConditionParts[];
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    /** offset in the source */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}
