import type { X509Certificate } from 'node:crypto';
import type { Rule } from '../rule.js';
import { pemCertificates } from './pem-certificates.js';
import { meta } from './meta.js';

/** The subject's common name, or the whole subject when it has none. */
function subjectOf(certificate: X509Certificate): string {
  const subject = certificate.subject;
  return /^CN=(.*)$/m.exec(subject)?.[1]?.trim() ?? subject.replace(/\n/g, ', ');
}

/** Signed by its own key: issuer and subject match and its key checks its signature. */
function isSelfSigned(certificate: X509Certificate): boolean {
  try {
    return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}

/** A host name: `shop.example.org`, `*.example.org`, `localhost`; not a CA's name such as `Example Root CA`. */
const HOST_NAME = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$|^localhost$/i;

/**
 * A certificate for a server: not a CA, or a self-signed one made for a host (`openssl req
 * -x509` marks its certificates `CA:TRUE` unless told otherwise) that names a host in its
 * alternative names or its common name.
 */
function isServerCertificate(certificate: X509Certificate): boolean {
  if (!certificate.ca) return true;
  if (/(?:^|,\s*)(?:DNS|IP Address):/.test(certificate.subjectAltName ?? '')) return true;
  return HOST_NAME.test(subjectOf(certificate));
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const committedCertificate: Rule = {
  meta,
  check(context) {
    const now = Date.now();
    for (const { certificate, range } of pemCertificates(context.file.lines)) {
      const subject = subjectOf(certificate);
      const expiry = new Date(certificate.validTo);
      if (!Number.isNaN(expiry.getTime()) && expiry.getTime() < now) {
        context.report({
          range,
          message: certificate.ca
            ? `The CA certificate \`${subject}\` expired on ${day(expiry)}: chains through it no longer verify, and a trust store that still carries it is a leftover nobody rotates. Replace or remove it.`
            : `The certificate \`${subject}\` expired on ${day(expiry)}: every client that checks it refuses the connection, or it is a leftover nobody rotates, and clients that still connect have stopped verifying. Renew it, or remove it if it is unused.`,
          ...(certificate.ca ? { severity: 'medium' as const } : {}),
        });
        continue;
      }
      if (isServerCertificate(certificate) && isSelfSigned(certificate))
        context.report({
          range,
          message: `The certificate \`${subject}\` is a self-signed server certificate: no client can verify it, so clients either pin this exact certificate or turn verification off, and then anyone on the path can impersonate the server. Issue it from a CA the clients trust.`,
          severity: 'medium',
        });
    }
  },
};
