// A strict reader for the XML that reports write (JUnit), so tests read back exactly what CI servers would.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (value: string) =>
  value.replace(/&(#\d+|\w+);/g, (_whole, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name] ?? `&${name};`),
  );

/** A strict reader for the XML subset JUnit needs: fails on unbalanced tags, stray `<`, bare `&`. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let position = 0;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    position = token.lastIndex;
    const [, closing, name, attributes, selfClosing, text] = match;
    const current = stack.at(-1);
    if (!current) throw new Error('closed past the root');
    if (text !== undefined) {
      if (/&(?!(#\d+|amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bare & in ${text}`);
      current.text += decodeEntities(text);
    } else if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
    } else {
      const element: XmlElement = { name: name ?? '', attributes: {}, children: [], text: '' };
      for (const [, key, value] of (attributes ?? '').matchAll(/([\w:-]+)="([^"]*)"/g))
        element.attributes[key ?? ''] = decodeEntities(value ?? '');
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (position !== body.length) throw new Error(`not XML at ${body.slice(position, position + 40)}`);
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  const [only] = root.children;
  if (!only || root.children.length !== 1) throw new Error('not one root element');
  return only;
}
