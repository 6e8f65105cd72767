/**
 * Where the members of a JSON text are written, read lazily: an object's or array's members are
 * scanned the first time a pointer goes through it, and only then. A 13 MB document is scanned about
 * once however many pointers are looked up, where building a full syntax tree of it would take
 * seconds and hundreds of megabytes.
 */

/** A member of an object or an item of an array: where its key (or the item) starts, and its value. */
export interface JsonMember {
  offset: number;
  value: number;
}

const whitespace = new Set([' ', '\t', '\n', '\r']);

export class JsonText {
  private readonly members = new Map<number, Map<string, JsonMember>>();
  private readonly items = new Map<number, JsonMember[]>();

  constructor(readonly text: string) {}

  /** The offset of the document's top-level value. */
  get root(): number {
    return this.skipWhitespace(0);
  }

  /** The member named `segment` of the object (or item of the array) whose value starts at `value`. */
  child(value: number, segment: string): JsonMember | undefined {
    const opening = this.text[value];
    if (opening === '{') return this.membersOf(value).get(segment);
    if (opening === '[' && /^\d+$/.test(segment)) return this.itemsOf(value)[Number(segment)];
    return undefined;
  }

  /** The string value starting at `value`, or undefined when it is not a string. */
  stringAt(value: number): string | undefined {
    if (this.text[value] !== '"') return undefined;
    const parsed: unknown = JSON.parse(this.text.slice(value, this.stringEnd(value)));
    return typeof parsed === 'string' ? parsed : undefined;
  }

  private skipWhitespace(from: number): number {
    let at = from;
    while (whitespace.has(this.text[at] ?? '')) at++;
    return at;
  }

  /** Just past the closing quote of the string opening at `from`. */
  private stringEnd(from: number): number {
    let at = from + 1;
    while (at < this.text.length) {
      const character = this.text[at];
      if (character === '\\') at += 2;
      else if (character === '"') return at + 1;
      else at++;
    }
    throw new Error('unterminated string');
  }

  /** Just past the value starting at `from`. */
  private valueEnd(from: number): number {
    const opening = this.text[from];
    if (opening === '"') return this.stringEnd(from);
    if (opening !== '{' && opening !== '[') {
      let at = from;
      while (at < this.text.length && !/[\s,\]}]/.test(this.text[at] ?? '')) at++;
      return at;
    }
    let depth = 0;
    let at = from;
    while (at < this.text.length) {
      const character = this.text[at];
      if (character === '"') {
        at = this.stringEnd(at);
        continue;
      }
      if (character === '{' || character === '[') depth++;
      else if (character === '}' || character === ']') depth--;
      at++;
      if (depth === 0) return at;
    }
    throw new Error('unterminated value');
  }

  /** Calls `each(start)` for every entry of the container opening at `from`; answers nothing. */
  private forEachEntry(from: number, each: (start: number) => number): void {
    const closing = this.text[from] === '{' ? '}' : ']';
    let at = this.skipWhitespace(from + 1);
    if (this.text[at] === closing) return;
    while (at < this.text.length) {
      at = this.skipWhitespace(each(at));
      if (this.text[at] !== ',') return;
      at = this.skipWhitespace(at + 1);
    }
  }

  private membersOf(from: number): Map<string, JsonMember> {
    const known = this.members.get(from);
    if (known) return known;
    const found = new Map<string, JsonMember>();
    this.forEachEntry(from, (start) => {
      const key = this.stringAt(start) ?? '';
      const value = this.skipWhitespace(this.skipWhitespace(this.stringEnd(start)) + 1);
      found.set(key, { offset: start, value });
      return this.valueEnd(value);
    });
    this.members.set(from, found);
    return found;
  }

  private itemsOf(from: number): JsonMember[] {
    const known = this.items.get(from);
    if (known) return known;
    const found: JsonMember[] = [];
    this.forEachEntry(from, (start) => {
      found.push({ offset: start, value: start });
      return this.valueEnd(start);
    });
    this.items.set(from, found);
    return found;
  }
}
