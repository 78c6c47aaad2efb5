/** A few hundred fuzzed documents through the analysis and every editor feature (CI runs 100,000: `npm run fuzz`). */
import { fuzzEditor } from './editorFuzz';

describe('fuzz: analysis and every editor feature on random documents', function () {
  this.timeout(120000);

  it('no feature throws and every span stays inside the text (300 documents)', () => {
    fuzzEditor(300, Date.now() % 2 ** 31);
  });
});
