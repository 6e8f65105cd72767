// The pure parts of outbound calls: which addresses count as internal, which hosts a project's
// list admits, templates and redaction.
import { describe, expect, it } from 'vitest';
import { assertAllowed, isInternalAddress, redact, render } from './outbound.ts';

describe('outbound calls', () => {
  it('count loopback, private, link-local and mapped addresses as internal', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::2',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isInternalAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8'])
      expect(isInternalAddress(address), address).toBe(false);
  });

  it('admit listed hosts and ports only, and wildcards only to public addresses', async () => {
    await expect(
      assertAllowed(new URL('http://127.0.0.1:4791/x'), ['127.0.0.1:4791']),
    ).resolves.toBeUndefined();
    await expect(assertAllowed(new URL('http://127.0.0.1:4792/x'), ['127.0.0.1:4791'])).rejects.toThrow(
      /not among/,
    );
    await expect(
      assertAllowed(new URL('https://deploy.example.com/x'), ['deploy.example.com']),
    ).resolves.toBeUndefined();
    await expect(assertAllowed(new URL('http://10.0.0.5:8443/'), ['*.example.com'])).rejects.toThrow(
      /not among/,
    );
    await expect(assertAllowed(new URL('http://[::1]:80/'), ['*.example.com'])).rejects.toThrow(/not among/);
    await expect(assertAllowed(new URL('file:///etc/passwd'), ['*'])).rejects.toThrow(/not called/);
    await expect(
      assertAllowed(new URL('http://user:pw@deploy.example.com/'), ['deploy.example.com']),
    ).rejects.toThrow(/credentials/);
  });

  it('fill templates, and refuse names that are not there', () => {
    const values = {
      secrets: { TOKEN: 'abc' },
      inputs: { version: '1.2' },
      outputs: { deploy: { headers: { id: 'd-7' } } },
    };
    expect(render('{{inputs.version}}/{{ outputs.deploy.headers.id }}/{{secrets.TOKEN}}', values)).toBe(
      '1.2/d-7/abc',
    );
    expect(() => render('{{secrets.OTHER}}', values)).toThrow(/no release secret OTHER/);
    expect(() => render('{{inputs.nope}}', values)).toThrow(/no input nope/);
  });

  it('redact a secret wherever it appears, keys included', () => {
    expect(redact({ a: 'Bearer abc', list: ['xabcx'], abc: 1, n: 2 }, ['abc'])).toEqual({
      a: 'Bearer [redacted]',
      list: ['x[redacted]x'],
      '[redacted]': 1,
      n: 2,
    });
  });
});
