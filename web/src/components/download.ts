import { fetchFile, type PathWith } from '../api/client';

/** Hands bytes to the browser as a file it saves under `fileName`. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the bytes after the click, at its own pace: revoking at once can cancel a
  // download on a busy machine, so the URL lives a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads what the API answers at `path`, named as the server suggests or else `fallbackName`. */
export async function downloadFrom(
  path: PathWith<'get'>,
  fallbackName: string,
  options: { params?: Record<string, string | number>; query?: object } = {},
): Promise<void> {
  const { blob, fileName } = await fetchFile(path, options);
  saveFile(fileName ?? fallbackName, blob);
}
