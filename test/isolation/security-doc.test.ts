import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/core/app/registry.ts';
import { renderPermissionMatrix } from '../../src/core/auth/matrix.ts';
import { shipshapeModules } from '../../src/modules/index.ts';

const documentPath = path.resolve(import.meta.dirname, '../../docs/security.md');
const start = '<!-- permission-matrix:start -->';
const end = '<!-- permission-matrix:end -->';

describe('docs/security.md', () => {
  it('shows the role × permission matrix exactly as the code declares it', () => {
    const document = fs.readFileSync(documentPath, 'utf8');
    const rendered = `${start}\n${renderPermissionMatrix(createRegistry(shipshapeModules).permissions.values())}\n${end}`;
    const current = document.slice(document.indexOf(start), document.indexOf(end) + end.length);
    if (process.env.UPDATE_SECURITY_DOC === '1') {
      fs.writeFileSync(documentPath, document.replace(current, rendered));
      return;
    }
    expect(
      current,
      'regenerate with UPDATE_SECURITY_DOC=1 npx vitest run test/isolation/security-doc.test.ts',
    ).toBe(rendered);
  });
});
