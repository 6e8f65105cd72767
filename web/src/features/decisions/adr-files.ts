import { unzipSync } from 'fflate';

/** An ADR file as the import reads it: its name (no folders) and its Markdown. */
export interface AdrFile {
  name: string;
  content: string;
}

const isMarkdown = (path: string) => /\.(md|markdown)$/i.test(path) && !/(^|\/)[._]/.test(path);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const byName = (a: AdrFile, b: AdrFile) => a.name.localeCompare(b.name);

/** The Markdown files of a picked folder (hidden files and other kinds of file left out). */
export async function readFolder(files: FileList | File[]): Promise<AdrFile[]> {
  const picked = [...files].filter((file) => isMarkdown(file.webkitRelativePath || file.name));
  const read = await Promise.all(
    picked.map(async (file) => ({ name: file.name, content: await file.text() })),
  );
  return read.sort(byName);
}

/** The Markdown files inside a zip archive, wherever they sit in it. */
export async function readZip(file: File): Promise<AdrFile[]> {
  const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
    filter: (entry) => isMarkdown(entry.name),
  });
  const decoder = new TextDecoder();
  return Object.entries(entries)
    .map(([path, bytes]) => ({ name: baseName(path), content: decoder.decode(bytes) }))
    .sort(byName);
}
