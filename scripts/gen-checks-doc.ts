/** Writes docs/checks.md from the check registry. Run: npx tsx scripts/gen-checks-doc.ts */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChecksDoc } from '../server/src/explain/checksDoc';

const target = join(__dirname, '..', 'docs', 'checks.md');
writeFileSync(target, renderChecksDoc());
console.log(`wrote ${target}`);
