import { z } from 'zod';

/**
 * An email address: something, an @, something. Deliberately looser than RFC-style validators,
 * which refuse single-label domains — and the default first owner is `admin@localhost`.
 */
export const emailAddress = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'an email address such as name@example.com')
  .describe('An email address');
