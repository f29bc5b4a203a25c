/**
 * XML 1.0 text and attribute values. Markup characters become entities, and characters XML 1.0
 * cannot carry at all (most control characters, unpaired surrogates) become U+FFFD, so any
 * message or path yields a well-formed document.
 */

/** Everything outside XML 1.0's `Char` production. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** For a double-quoted attribute; line breaks and tabs are kept as character references, which parsers would otherwise normalise to spaces. */
export function xmlAttribute(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function xmlElement(
  name: string,
  attributes: Readonly<Record<string, string | number | undefined>>,
  children?: string,
): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join('');
  return children === undefined
    ? `<${name}${written}/>`
    : `<${name}${written}>${children}</${name}>`;
}
