// The Java properties format (`environment.properties`): `key=value`, `key: value` or `key value`
// lines, `#` and `!` comments, a trailing backslash continuing a line, and backslash escapes.

const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescapeProperty(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) => {
    if (escaped.length === 5) return String.fromCharCode(Number.parseInt(escaped.slice(1), 16));
    return escapes[escaped] ?? escaped;
  });
}

/** Physical lines joined into logical ones: a line ending in an odd number of backslashes continues. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const line = pending ? physical.trimStart() : physical;
    const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
    if (trailing % 2 === 1) {
      pending += line.slice(0, -1);
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  if (pending) lines.push(pending);
  return lines;
}

export function readProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const raw of logicalLines(text.replace(/^\uFEFF/, ''))) {
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // The key ends at the first unescaped `=`, `:` or whitespace.
    const separator = /^((?:\\.|[^\\=:\s])*)\s*[=:]?\s*/.exec(line);
    const key = separator?.[1] ?? line;
    const value = line.slice(separator?.[0].length ?? line.length);
    properties[unescapeProperty(key)] = unescapeProperty(value);
  }
  return properties;
}
