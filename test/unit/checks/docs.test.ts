/** docs/checks.md is generated from the registry; this fails when someone changes a check and forgets to regenerate. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES } from '../../../server/src/checks';
import { renderChecksDoc } from '../../../server/src/explain/checksDoc';

const DOC = join(__dirname, '..', '..', '..', 'docs', 'checks.md');

describe('docs/checks.md', () => {
  it('is up to date (run: npx tsx scripts/gen-checks-doc.ts)', () => {
    assert.equal(
      readFileSync(DOC, 'utf8'),
      renderChecksDoc(),
      'docs/checks.md is stale — regenerate it with `npx tsx scripts/gen-checks-doc.ts`',
    );
  });

  it('has a section for every code the diagnostics link to', () => {
    const headings = new Set([...readFileSync(DOC, 'utf8').matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]));
    for (const code of ALL_CODES) assert.ok(headings.has(code), `no section for ${code}`);
  });
});
