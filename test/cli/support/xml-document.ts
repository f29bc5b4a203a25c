/**
 * A strict reader for the XML the JUnit report writes: an optional declaration, then one root
 * element of nested elements, double-quoted attributes, text and character or predefined entity
 * references. Anything not well-formed (a raw `<` or `&`, a mismatched tag, a character XML 1.0
 * forbids) throws, so a test that reads a report back also proves it well-formed.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** the element's own text, entities resolved */
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function readXml(source: string): XmlElement {
  if (NOT_XML_CHAR.test(source)) throw new Error('a character XML 1.0 does not allow');
  let position = 0;
  const fail = (why: string): never => {
    throw new Error(
      `${why} at offset ${position}: ${JSON.stringify(source.slice(position, position + 40))}`,
    );
  };
  const skipSpace = () => {
    while (position < source.length && /\s/.test(source[position] ?? '')) position++;
  };
  const readName = (): string => {
    const name = NAME.exec(source.slice(position))?.[0] ?? fail('expected a name');
    position += name.length;
    return name;
  };
  const resolve = (text: string, inAttribute: boolean): string => {
    if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
      fail(inAttribute ? 'raw < or & in an attribute' : 'raw < or & in text');
    // Attribute-value normalisation: literal whitespace becomes a space; character references keep theirs.
    const normalised = inAttribute ? text.replace(/[\t\n\r]/g, ' ') : text;
    return normalised.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, entity: string) => {
      if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return PREDEFINED[entity] ?? fail(`unknown entity &${entity};`);
    });
  };
  const readElement = (): XmlElement => {
    if (source[position] !== '<') fail('expected <');
    position++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', position)) {
        position += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[position] === '>') {
        position++;
        break;
      }
      const attribute = readName();
      if (attribute in attributes) fail(`attribute ${attribute} given twice`);
      skipSpace();
      if (source[position] !== '=') fail('expected =');
      position++;
      skipSpace();
      if (source[position] !== '"') fail('expected "');
      const end = source.indexOf('"', position + 1);
      if (end === -1) fail('unterminated attribute');
      attributes[attribute] = resolve(source.slice(position + 1, end), true);
      position = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = source.indexOf('<', position);
      if (next === -1) fail(`unclosed <${name}>`);
      text += resolve(source.slice(position, next), false);
      position = next;
      if (source.startsWith('</', position)) {
        position += 2;
        if (readName() !== name) fail(`mismatched </…> for <${name}>`);
        skipSpace();
        if (source[position] !== '>') fail('expected >');
        position++;
        return { name, attributes, children, text };
      }
      children.push(readElement());
    }
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end === -1) fail('unterminated declaration');
    position = end + 2;
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (position !== source.length) fail('content after the root element');
  return root;
}
