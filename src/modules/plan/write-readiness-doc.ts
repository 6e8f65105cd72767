// Rewrites docs/readiness.md from the plan's areas: `npm run docs:readiness`.
import fs from 'node:fs';
import { readinessDocument } from './readiness-doc.ts';

fs.writeFileSync(new URL('../../../docs/readiness.md', import.meta.url), readinessDocument());
