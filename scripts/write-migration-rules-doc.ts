// Rewrites the rule reference in docs/migration-safety.md from the catalogue: `npm run docs:migration-rules`.
import fs from 'node:fs';
import { withRulesReference } from '../src/engines/sql-lint/rules-doc.ts';

const file = new URL('../docs/migration-safety.md', import.meta.url);
fs.writeFileSync(file, withRulesReference(fs.readFileSync(file, 'utf8')));
