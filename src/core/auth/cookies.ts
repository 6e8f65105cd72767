/** The few lines of cookie handling sessions need: read one cookie, write one Set-Cookie value. */

/** The value of the named cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

export interface CookieOptions {
  /** Seconds until the cookie expires; 0 deletes it. */
  maxAge: number;
  secure: boolean;
}

/** A Set-Cookie value: HttpOnly and SameSite=Lax always, Secure when served over https. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const attributes = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAge}`,
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
