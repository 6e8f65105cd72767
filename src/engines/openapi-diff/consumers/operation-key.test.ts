import { describe, expect, it } from 'vitest';
import { api } from '../rules/examples.ts';
import { operationKeyFor, registeredOperationKey, responseKeyFor } from './index.ts';

const get = { get: { responses: { '200': { description: 'OK' } } } };
const document = api(
  {
    '/users/{id}': { ...get, delete: { responses: { '204': { description: 'Gone' } } } },
    '/users/me': get,
    '/users/{id}/avatar.{format}': get,
    '/teams/{teamId}/users/{userId}': get,
    '/teams/{teamId}/users/owner': get,
  },
  { servers: [{ url: 'https://api.example.com/api/{version}' }, { url: '/internal' }] },
);

describe('matching a concrete path to the operation it reaches', () => {
  it('blanks the parameter names of the template it matches', () => {
    expect(operationKeyFor(document, 'get', '/users/42')).toBe('GET /users/{}');
  });

  it('prefers a literal segment over a templated one, as routers do', () => {
    expect(operationKeyFor(document, 'GET', '/users/me')).toBe('GET /users/me');
    expect(operationKeyFor(document, 'GET', '/teams/7/users/owner')).toBe('GET /teams/{}/users/owner');
    expect(operationKeyFor(document, 'GET', '/teams/7/users/9')).toBe('GET /teams/{}/users/{}');
  });

  it('prefers a path that has the method over a more literal one that has not', () => {
    expect(operationKeyFor(document, 'DELETE', '/users/me')).toBe('DELETE /users/{}');
  });

  it('matches templates that share a segment with literal text', () => {
    expect(operationKeyFor(document, 'GET', '/users/42/avatar.png')).toBe('GET /users/{}/avatar.{}');
    expect(operationKeyFor(document, 'GET', '/users/42/avatar')).toBeNull();
  });

  it('ignores a trailing slash and a query string, and decodes escaped segments', () => {
    expect(operationKeyFor(document, 'GET', '/users/42/?x=1')).toBe('GET /users/{}');
    expect(operationKeyFor(document, 'GET', '/users/m%65')).toBe('GET /users/me');
  });

  it('matches paths written under a server base path, its variables included', () => {
    expect(operationKeyFor(document, 'GET', '/api/v2/users/42')).toBe('GET /users/{}');
    expect(operationKeyFor(document, 'GET', '/internal/users/me')).toBe('GET /users/me');
  });

  it('answers null for a path no template matches', () => {
    expect(operationKeyFor(document, 'GET', '/orders/1')).toBeNull();
    expect(operationKeyFor(document, 'GET', '/users')).toBeNull();
  });
});

describe('reading an operation as a consumer registration writes it', () => {
  it('accepts operation keys, templated paths and concrete paths', () => {
    expect(registeredOperationKey(document, 'GET /users/{}')).toBe('GET /users/{}');
    expect(registeredOperationKey(document, 'get /users/{userId}')).toBe('GET /users/{}');
    expect(registeredOperationKey(document, 'GET /users/42')).toBe('GET /users/{}');
  });

  it('keeps a concrete path that matches nothing, so it meets operations the revision adds', () => {
    expect(registeredOperationKey(document, 'POST /orders/')).toBe('POST /orders');
  });
});

describe('matching a status to the response that answers it', () => {
  const ranged = api({
    '/a': { get: { responses: { '2XX': { description: 'OK' }, default: { description: 'Error' } } } },
  });

  it('picks the exact code, then its range, then default', () => {
    expect(responseKeyFor(document, 'GET /users/{}', '200')).toBe('200');
    expect(responseKeyFor(ranged, 'GET /a', '201')).toBe('2XX');
    expect(responseKeyFor(ranged, 'GET /a', '404')).toBe('default');
  });

  it('keeps the status when the operation is unknown or declares none of them', () => {
    expect(responseKeyFor(document, 'GET /nowhere', '200')).toBe('200');
    expect(responseKeyFor(document, 'GET /users/{}', '404')).toBe('404');
  });
});
