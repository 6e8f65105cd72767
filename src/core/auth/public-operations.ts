/**
 * The API operations anyone may call without a credential. Everything else under /api/v1 answers
 * 401 without one; the isolation suite holds every route in the OpenAPI document to that.
 */
export const publicApiOperations: readonly string[] = [
  'POST /api/v1/auth/login',
  'POST /api/v1/invitations/accept',
];
