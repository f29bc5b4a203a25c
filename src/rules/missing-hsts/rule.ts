import type { Directive, FileModel, Unit, Value } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { isTrue, removesResource } from '../support/values.js';
import { serverBlocks, type Block } from './server-blocks.js';
import { attributeOf } from '../support/units.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

const HSTS = /strict-transport-security/i;

/** Template expressions as directives carry them (`{{ x }}`, `${x}`, `#{x}`), blanked so their names read as no word. */
const INTERPOLATION = /\{\{.*?\}\}|\$\{[^}]*\}|#\{[^}]*\}|<%.*?%>/g;

function words(value: Value): string[] {
  const text = typeof value.value === 'string' ? value.value : value.text;
  return text.replace(INTERPOLATION, ' ').replace(/;\s*$/, '').toLowerCase().split(/\s+/);
}

/**
 * nginx files of parameters only, which set no response headers: including them cannot add
 * `Strict-Transport-Security`.
 */
const PARAMETER_FILES =
  /(?:^|\/)(?:mime\.types|fastcgi_params|fastcgi\.conf|uwsgi_params|scgi_params|proxy_params)$/;

/** A directive that reads another file, which may set the header. */
function includes(directive: Directive): boolean {
  const name = directive.name.toLowerCase();
  if (name === 'include') {
    const target = String(directive.value.value ?? directive.value.text)
      .replace(/;\s*$/, '')
      .trim();
    return !PARAMETER_FILES.test(target);
  }
  return name === 'includeoptional';
}

/** A header directive: nginx `add_header`, `more_set_headers`; Apache `Header`. */
function setsHeader(directive: Directive): boolean {
  const name = directive.name.toLowerCase();
  return name === 'add_header' || name === 'more_set_headers' || name === 'header';
}

/** The directive that makes the block serve TLS: `listen 443 ssl`, `ssl on`, `SSLEngine on`. */
function servesTls(directive: Directive): boolean {
  const name = directive.name.toLowerCase();
  const said = words(directive.value);
  if (name === 'listen') return said.includes('ssl');
  if (name === 'ssl' || name === 'sslengine') return said[0] === 'on';
  return false;
}

/**
 * A line of a template that renders whole from an expression or a partial (`{{ extra_config }}`,
 * `<%= scope.function_template(...) %>`, `{% include %}`): it can write any directive, the
 * header included.
 */
const RENDERED_CONFIG =
  /^\s*(?:\{\{|<%=|<%-?\s*=|\{%-?\s*(?:include|import|extends|block|macro)\b)|function_template|\btemplate\s*\(|\brender\b/;

function within(block: Block, line: number): boolean {
  return line >= block.from && line <= block.to;
}

function checkConfig(context: RuleContext, file: FileModel): void {
  const config = file.config;
  if (!config || (config.format !== 'nginx' && config.format !== 'apache')) return;
  const blocks = serverBlocks(config.format, file.lines);
  if (blocks.length === 0) return;
  const inBlock = (directive: Directive) =>
    blocks.some((block) => within(block, directive.range.line));
  // A header set around the blocks reaches them (nginx inherits `add_header` from `http`,
  // Apache merges the main server's `Header`); an include around them may set it.
  const outside = config.directives.filter((directive) => !inBlock(directive));
  if (outside.some((directive) => includes(directive) || setsHeader(directive))) return;
  if (
    file.lines.some(
      (line) => RENDERED_CONFIG.test(line) && !/^\s*\{\{\s*ansible_managed/.test(line),
    )
  )
    return;
  for (const block of blocks) {
    const own = config.directives.filter((directive) => within(block, directive.range.line));
    const tls = own.find(servesTls);
    if (!tls) continue;
    if (own.some(includes)) continue;
    const headers = own.filter(setsHeader);
    // A header whose name or value a variable gives may be the one.
    if (headers.some((header) => header.value.dynamic || HSTS.test(header.value.text))) continue;
    const server = config.format === 'nginx' ? 'nginx server block' : 'Apache virtual host';
    const setting =
      config.format === 'nginx'
        ? '`add_header Strict-Transport-Security "max-age=31536000" always;`'
        : '`Header always set Strict-Transport-Security "max-age=31536000"`';
    context.report({
      range: tls.range,
      message: `This ${server} serves TLS without a \`Strict-Transport-Security\` header: browsers keep trying plain HTTP first, where an attacker on the network can strip the redirect to HTTPS. Add ${setting} to the block.`,
    });
  }
}

/** Defined types of the Forge modules that write a TLS site, with their header parameters. */
const PUPPET_SITES: Readonly<
  Record<string, { headers: string; verbatim: readonly string[]; label: string }>
> = lookupTable({
  'apache::vhost': {
    headers: 'headers',
    verbatim: ['custom_fragment', 'additional_includes', 'includes'],
    label: '`Header always set Strict-Transport-Security "max-age=31536000"` in `headers`',
  },
  'nginx::resource::server': {
    headers: 'add_header',
    verbatim: ['raw_append', 'raw_prepend', 'include_files', 'server_cfg_ssl_append'],
    label: "`'Strict-Transport-Security' => 'max-age=31536000'` in `add_header`",
  },
});

/** Whether the header parameter's value names HSTS; undefined when a variable gives it. */
function namesHsts(value: Value): boolean | undefined {
  if (value.dynamic) return undefined;
  if (value.kind === 'string') return HSTS.test(String(value.value ?? ''));
  if (value.kind === 'list') {
    const items = (value.items ?? []).map(namesHsts);
    if (items.includes(true)) return true;
    return items.includes(undefined) ? undefined : false;
  }
  if (value.kind === 'map')
    return (value.entries ?? []).some((entry) => HSTS.test(entry.name)) ? true : false;
  return undefined;
}

function checkPuppetSite(context: RuleContext, unit: Unit): void {
  const site = PUPPET_SITES[unit.type];
  if (!site || removesResource(unit, 'puppet')) return;
  const ssl = attributeOf(unit, 'ssl');
  if (!ssl || !isTrue(ssl.value)) return;
  if (site.verbatim.some((name) => attributeOf(unit, name))) return;
  const headers = attributeOf(unit, site.headers);
  if (headers && namesHsts(headers.value) !== false) return;
  context.report({
    range: ssl.range,
    message: `\`${unit.type}\` serves this site over TLS without a \`Strict-Transport-Security\` header: browsers keep trying plain HTTP first, where an attacker on the network can strip the redirect to HTTPS. Add ${site.label}.`,
  });
}

export const missingHsts: Rule = {
  meta,
  check(context) {
    checkConfig(context, context.file);
    if (context.file.language === 'puppet')
      for (const unit of context.file.units) checkPuppetSite(context, unit);
  },
};
