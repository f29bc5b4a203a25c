/**
 * Schema validation with Ajv, and its errors turned into sentences that name the key, the
 * line and what was expected.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter } from 'yaml';
import { POLICY_SCHEMA } from './schema.js';
import { withSuggestion } from './did-you-mean.js';
import { YamlLocator, dotted, pathFromPointer, type KeyPath } from './locate.js';
import type { PolicyError } from './types.js';
import { requireOnDemand } from '../shared/require-on-demand.js';

const ajvPackage = requireOnDemand<typeof import('ajv')>('ajv');

/**
 * The compiled schema, built the first time a policy is read: loading Ajv and compiling cost
 * about a tenth of a second, which a scan without a `.security.yml` should not pay.
 */
let compiled: ValidateFunction | undefined;

function policyValidator(): ValidateFunction {
  if (!compiled) {
    const { Ajv } = ajvPackage();
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      verbose: true,
    });
    ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
    compiled = ajv.compile(POLICY_SCHEMA);
  }
  return compiled;
}

export function validateSchema(
  value: unknown,
  doc: Document,
  lines: LineCounter,
  source: string,
): PolicyError[] {
  const validate = policyValidator();
  if (validate(value)) return [];
  const locator = new YamlLocator(doc, lines);
  const errors = (validate.errors ?? []).filter(isReportable);
  const seen = new Set<string>();
  const result: PolicyError[] = [];
  for (const error of errors) {
    const described = describe(error, locator);
    const key = `${described.key}|${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ source, ...described });
  }
  return result;
}

/** Branch errors of `if`/`anyOf` repeat what the keyword error already says. */
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'if' && !error.schemaPath.includes('/anyOf/');
}

function expected(error: ErrorObject): string | undefined {
  const schema = error.parentSchema as { 'x-expected'?: string } | undefined;
  return schema?.['x-expected'];
}

function describe(
  error: ErrorObject,
  locator: YamlLocator,
): { key?: string; line?: number; message: string } {
  const path: KeyPath = pathFromPointer(error.instancePath);
  const at = (keyPath: KeyPath, message: string, onKey = false) => ({
    ...(keyPath.length > 0 ? { key: dotted(keyPath) } : {}),
    ...lineField(locator.lineOf(keyPath, onKey)),
    message,
  });
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return at([...path, name], withSuggestion('unknown key', name, known), true);
    }
    case 'required': {
      const name = String((error.params as { missingProperty: string }).missingProperty);
      return at(path, `missing required key "${name}"`);
    }
    case 'type': {
      const type = String((error.params as { type: string | string[] }).type).replace(/,/g, ' or ');
      return at(path, `expected ${expected(error) ?? article(type)}`);
    }
    case 'minLength':
      return at(path, expected(error) ? `expected ${expected(error)}` : 'must not be empty');
    case 'minItems':
      return at(path, 'must not be empty');
    case 'maxLength':
    case 'maxItems':
      return at(path, `is too long (at most ${String((error.params as { limit: number }).limit)})`);
    default:
      return at(path, `expected ${expected(error) ?? error.message ?? 'a valid value'}`);
  }
}

function article(type: string): string {
  if (type === 'object') return 'a mapping';
  if (type === 'array') return 'a list';
  if (type === 'integer') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
