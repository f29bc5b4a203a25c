/**
 * PEM certificates written out in a file's text: a YAML block scalar, a Ruby heredoc, a Puppet
 * string, a certificate kept in the repository. Each is decoded with Node's X.509 reader; a
 * block whose body a template fills in or a string concatenation breaks up does not decode and
 * is left out, as its certificate is not in the code.
 */
import type { X509Certificate } from 'node:crypto';
import type { SourceRange } from '../../model/model.js';

export interface PemCertificate {
  certificate: X509Certificate;
  /** the `-----BEGIN CERTIFICATE-----` marker */
  range: SourceRange;
}

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The base64 body: line breaks, indentation, quotes and escaped `\n` of the enclosing string taken out. */
function bodyOf(text: string): string | undefined {
  const joined = text.replace(/\\r|\\n/g, '\n');
  const lines = joined
    .split('\n')
    .map((line) => line.trim().replace(/^["']|["',]$/g, ''))
    .filter((line) => line !== '');
  if (lines.some((line) => !/^[A-Za-z0-9+/=]+$/.test(line))) return undefined;
  return lines.join('');
}

function decode(body: string): X509Certificate | undefined {
  // node:crypto is loaded when a first certificate is met, not when the CLI starts.
  const { X509Certificate } = process.getBuiltinModule('node:crypto');
  try {
    return new X509Certificate(
      `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`,
    );
  } catch {
    return undefined;
  }
}

export function* pemCertificates(lines: readonly string[]): Generator<PemCertificate> {
  const text = lines.join('\n');
  for (const match of text.matchAll(PEM)) {
    const body = match[1] === undefined ? undefined : bodyOf(match[1]);
    const certificate = body ? decode(body) : undefined;
    if (!certificate) continue;
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    yield {
      certificate,
      range: {
        line,
        column,
        endLine: line,
        endColumn: column + '-----BEGIN CERTIFICATE-----'.length,
      },
    };
  }
}
