// Rewrites the rule reference in docs/contract-checks.md from the catalogue: `npm run docs:contract-rules`.
import fs from 'node:fs';
import { withRulesReference } from '../src/engines/openapi-diff/rules-doc.ts';

const file = new URL('../docs/contract-checks.md', import.meta.url);
fs.writeFileSync(file, withRulesReference(fs.readFileSync(file, 'utf8')));
