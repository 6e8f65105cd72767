/** How sign-in, sessions, invitations and rate limits behave. config.ts fills it from the environment. */
export interface AuthSettings {
  /** Sessions end this long after sign-in. */
  sessionTtlSeconds: number;
  /** Failed sign-ins per address allowed before each further attempt waits (1 s, 2 s, 4 s, …). */
  freeLoginFailures: number;
  /** After this many failures in a row, the address is locked for `lockoutSeconds`. */
  lockoutFailures: number;
  lockoutSeconds: number;
  /** Invitations expire this long after they are made. */
  invitationTtlSeconds: number;
  /** Requests per minute: sign-in and invitation acceptance per source address, API calls per credential. */
  rateLimits: { signInPerMinute: number; invitationsPerMinute: number; perCredentialPerMinute: number };
  /** Mark the session cookie Secure even on plain-http requests (PUBLIC_URL is https). */
  secureCookies: boolean;
  /**
   * How long a resolved token or session is kept in memory (0: looked up on every request).
   * Revocations reach every process at once; this bounds how late one can be if a notice is missed.
   */
  credentialCacheSeconds: number;
}

export const defaultAuthSettings: AuthSettings = {
  sessionTtlSeconds: 12 * 3600,
  freeLoginFailures: 3,
  lockoutFailures: 10,
  lockoutSeconds: 15 * 60,
  invitationTtlSeconds: 72 * 3600,
  rateLimits: { signInPerMinute: 20, invitationsPerMinute: 20, perCredentialPerMinute: 1200 },
  secureCookies: false,
  credentialCacheSeconds: 10,
};
