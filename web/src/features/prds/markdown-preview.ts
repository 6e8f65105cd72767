import { marked } from 'marked';

// The same tags and attributes the server keeps when it renders a PRD, so the preview matches.
const allowedTags = new Set(
  'h1 h2 h3 h4 h5 h6 p br hr blockquote ul ol li strong em del code pre a img table thead tbody tr th td input span div sup sub'.split(
    ' ',
  ),
);
const allowedAttributes: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  input: ['type', 'checked', 'disabled'],
  code: ['class'],
  th: ['align'],
  td: ['align'],
};
const droppedWithContent = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript']);

function safeUrl(value: string, tag: string): boolean {
  const schemes = tag === 'img' ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
  if (value.startsWith('//')) return false;
  try {
    const url = new URL(value, 'http://relative.invalid');
    return schemes.includes(url.protocol);
  } catch {
    return false;
  }
}

function clean(node: Element): void {
  for (const child of [...node.children]) {
    const tag = child.tagName.toLowerCase();
    if (droppedWithContent.has(tag)) {
      child.remove();
      continue;
    }
    clean(child);
    if (!allowedTags.has(tag)) {
      child.replaceWith(...child.childNodes);
      continue;
    }
    for (const attribute of [...child.attributes]) {
      const keep =
        (allowedAttributes[tag] ?? []).includes(attribute.name) &&
        (!['href', 'src'].includes(attribute.name) || safeUrl(attribute.value, tag));
      if (!keep) child.removeAttribute(attribute.name);
    }
  }
}

/** Markdown to HTML for the editor's live preview, cleaned in the browser like the server cleans it. */
export function previewHtml(markdown: string): string {
  const raw = marked.parse(markdown, { async: false, gfm: true });
  const document = new DOMParser().parseFromString(`<body>${raw}</body>`, 'text/html');
  clean(document.body);
  return document.body.innerHTML;
}
