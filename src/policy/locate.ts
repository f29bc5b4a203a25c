/**
 * From a key path in a parsed YAML document to the line a person should look at.
 */
import { isMap, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

export type KeyPath = ReadonlyArray<string | number>;

export class YamlLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The line of the value at `path`, or of its key when `key` is set; the nearest ancestor that exists otherwise. */
  lineOf(path: KeyPath, key = false): number | undefined {
    let node = this.doc.contents;
    let line = this.lineOfNode(node);
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => String((item.key as { value?: unknown } | null)?.value) === String(segment),
        );
        if (!pair) return line;
        const isLast = index === path.length - 1;
        if (isLast && key) return this.lineOfNode(pair.key as YamlNode) ?? line;
        node = pair.value as YamlNode | null;
        line = this.lineOfNode(node) ?? this.lineOfNode(pair.key as YamlNode) ?? line;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment] as YamlNode | null;
        line = this.lineOfNode(node) ?? line;
      } else {
        return line;
      }
    }
    return line;
  }

  private lineOfNode(node: YamlNode | null | undefined): number | undefined {
    const start = node?.range?.[0];
    return start === undefined ? undefined : this.lines.linePos(start).line;
  }
}

/** `/rules/hard-coded-secret` → ['rules', 'hard-coded-secret']; array indexes become numbers. */
export function pathFromPointer(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function dotted(path: KeyPath): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment))
    .join('.')
    .replace(/\.\[/g, '[');
}
