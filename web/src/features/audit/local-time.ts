/** `datetime-local` text (local time, no zone) to an ISO instant. */
export function toIso(local: string): string {
  return new Date(local).toISOString();
}

/** An ISO instant to `datetime-local` text in the reader's zone, to the millisecond. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 23);
}
