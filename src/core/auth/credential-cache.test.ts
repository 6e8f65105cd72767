import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connection.ts';
import { type CredentialCache, createCredentialCache, type ResolvedCredential } from './credential-cache.ts';

/** A database whose notifications the test delivers by hand. */
function fakeDatabase() {
  let deliver: (payload: string) => void = () => {};
  const database = {
    listen: async (_channel: string, onNotify: (payload: string) => void) => {
      deliver = onNotify;
      return async () => {};
    },
  } as unknown as DatabaseHandle;
  return { database, notify: (userId: string) => deliver(userId) };
}

function credential(userId: string, expiresAt: Date | null = null): ResolvedCredential {
  return {
    authenticated: { workspaceId: 'w', actor: { userId, kind: 'person', role: 'editor', readOnly: false } },
    expiresAt,
  };
}

async function counting(cache: CredentialCache, key: string, value: ResolvedCredential | null) {
  let loads = 0;
  const result = await cache.resolve(key, async () => {
    loads += 1;
    return value;
  });
  return { result, loads };
}

describe('the credential cache', () => {
  it('keeps a credential for its time to live, then looks it up again', async () => {
    let now = 0;
    const { database } = fakeDatabase();
    const cache = await createCredentialCache(database, { ttlMs: 10_000, now: () => now });
    expect((await counting(cache, 'k', credential('u'))).loads).toBe(1);
    now = 9_999;
    expect((await counting(cache, 'k', credential('u'))).loads).toBe(0);
    now = 10_000;
    expect((await counting(cache, 'k', credential('u'))).loads).toBe(1);
  });

  it('drops every credential of a user it hears about, and nobody else’s', async () => {
    const { database, notify } = fakeDatabase();
    const cache = await createCredentialCache(database, { ttlMs: 60_000 });
    await counting(cache, 'a1', credential('a'));
    await counting(cache, 'a2', credential('a'));
    await counting(cache, 'b1', credential('b'));
    notify('a');
    expect((await counting(cache, 'a1', credential('a'))).loads).toBe(1);
    expect((await counting(cache, 'a2', credential('a'))).loads).toBe(1);
    expect((await counting(cache, 'b1', credential('b'))).loads).toBe(0);
  });

  it('never serves a credential past its own expiry', async () => {
    let now = 1_000;
    const { database } = fakeDatabase();
    const cache = await createCredentialCache(database, { ttlMs: 60_000, now: () => now });
    await counting(cache, 'k', credential('u', new Date(2_000)));
    now = 2_000;
    const again = await counting(cache, 'k', null);
    expect(again).toEqual({ result: null, loads: 1 });
  });

  it('does not keep what a lookup read before a change was announced', async () => {
    const { database, notify } = fakeDatabase();
    const cache = await createCredentialCache(database, { ttlMs: 60_000 });
    await cache.resolve('k', async () => {
      notify('u');
      return credential('u');
    });
    expect((await counting(cache, 'k', credential('u'))).loads).toBe(1);
  });

  it('keeps nothing, and listens to nothing, when its time to live is zero', async () => {
    const { database } = fakeDatabase();
    const cache = await createCredentialCache(database, { ttlMs: 0 });
    await counting(cache, 'k', credential('u'));
    expect((await counting(cache, 'k', credential('u'))).loads).toBe(1);
  });

  it('keeps failed lookups out, so an unknown secret costs a lookup every time', async () => {
    const { database } = fakeDatabase();
    const cache = await createCredentialCache(database, { ttlMs: 60_000 });
    expect((await counting(cache, 'k', null)).loads).toBe(1);
    expect((await counting(cache, 'k', null)).loads).toBe(1);
  });
});
