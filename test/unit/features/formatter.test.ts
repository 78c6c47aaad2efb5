/**
 * The formatter: golden files (test/fixtures/features/format/NAME.in.nn → NAME.out.nn), refusal on syntax
 * errors, and properties on generated messy files: idempotent, meaning-preserving, comment-preserving.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { formatDocument } from '../../../server/src/features/formatter';
import { lex } from '../../../server/src/syntax/lexer';
import { messyNnFile, nnJunk } from './nnGenerator';
import { FIXTURES } from './support';

function format(text: string): string | undefined {
  const result = formatDocument(analyze(text));
  return 'text' in result ? result.text : undefined;
}

/** What a file means: the semantic model without positions, and the diagnostics by code and message. */
function meaning(a: Analysis) {
  return {
    models: a.semantic.models.map((m) => ({
      name: m.name,
      input: m.input,
      init: m.init.name,
      totalParams: m.totalParams,
      outputWidth: m.outputWidth,
      task: m.task && { kind: m.task.kind, count: m.task.count },
      loss: { name: m.loss.name, params: m.loss.params, explicit: m.loss.explicit },
      optimizer: { name: m.optimizer.name, params: m.optimizer.params },
      regularize: m.regularize && { kind: m.regularize.kind, amount: m.regularize.amount },
      layers: m.layers.map((l) => ({
        kind: l.kind,
        name: l.name,
        labelled: l.labelled,
        inWidth: l.inWidth,
        outWidth: l.outWidth,
        params: l.params,
        ...(l.kind === 'dense'
          ? {
              units: l.units,
              role: l.role,
              init: l.init.name,
              activation: l.activation && { name: l.activation.def.name, params: l.activation.params },
            }
          : {}),
        ...(l.kind === 'dropout' ? { rate: l.rate } : {}),
        ...(l.kind === 'activation' ? { activation: l.activation?.def.name, mergedInto: l.mergedInto } : {}),
      })),
    })),
    trains: a.semantic.trains.map((t) => ({
      modelName: t.modelName,
      model: t.model?.name,
      data: t.data && { name: t.data.name, params: t.data.params },
      epochs: t.epochs,
      batch: t.batch,
      validation: t.validation,
      seed: t.seed,
      normalize: t.normalize,
      lr: t.lr,
    })),
    diagnostics: a.diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message}`),
  };
}

/** The significant tokens (statement ends aside) and the comments, as written. */
function content(text: string) {
  const { tokens, comments } = lex(text);
  return {
    tokens: tokens.filter((t) => t.kind !== 'newline' && t.kind !== 'semi' && t.kind !== 'eof').map((t) => t.text),
    comments: comments.map((c) => c.text.trimEnd()),
  };
}

describe('features: format (golden files)', () => {
  const dir = join(FIXTURES, 'format');
  for (const input of readdirSync(dir)
    .filter((f) => f.endsWith('.in.nn'))
    .sort()) {
    it(input, () => {
      const expected = readFileSync(join(dir, input.replace('.in.nn', '.out.nn')), 'utf8');
      assert.equal(format(readFileSync(join(dir, input), 'utf8')), expected);
    });
  }

  it('keeps CRLF line endings', () => {
    assert.equal(
      format('model m {\r\n    input 2\r\n\r\n\r\n  dense 1\r\n}'),
      'model m {\r\n  input 2\r\n\r\n  dense 1\r\n}\r\n',
    );
  });

  it('formats an empty or comment-only file', () => {
    assert.equal(format(''), '');
    assert.equal(format('\n\n'), '');
    assert.equal(format('  # only a note   \n\n\n# another\n'), '# only a note\n\n# another\n');
  });
});

describe('features: format (refusal)', () => {
  for (const broken of [
    'model m {\n  dense 16 relu\n',
    'model m {\n  dense sixteen relu\n}\n',
    'model m {\n  input 2 }}\n',
    'train m {\n  data csv("x\n}\n',
    '}\n',
  ]) {
    it(`refuses ${JSON.stringify(broken)} and says why`, () => {
      const result = formatDocument(analyze(broken));
      assert.ok('refused' in result);
      assert.match(result.refused, /syntax error/);
    });
  }

  it('formats files that only have semantic errors', () => {
    assert.equal(
      format('model m {\n dense 4 rleu\n}\ntrain nope {\n}\n'),
      'model m {\n  dense 4 rleu\n}\ntrain nope {\n}\n',
    );
  });
});

describe('features: format (properties on generated files)', function () {
  this.timeout(60000);

  it('the generator writes files without syntax errors', () => {
    fc.assert(
      fc.property(messyNnFile, (text) => {
        assert.deepEqual(analyze(text).file.errors, [], text);
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent, keeps the meaning, every token and every comment (400 files)', () => {
    fc.assert(
      fc.property(messyNnFile, (text) => {
        const original = analyze(text);
        const once = format(text);
        assert.ok(once !== undefined, 'formats a file without syntax errors');
        assert.equal(format(once), once, 'f(f(x)) = f(x)');
        const formatted = analyze(once);
        assert.deepEqual(formatted.file.errors, []);
        assert.deepStrictEqual(meaning(formatted), meaning(original));
        assert.deepEqual(content(once), content(text));
      }),
      { numRuns: 400 },
    );
  });

  it('output is canonical: indentation by depth, no trailing spaces, at most one blank line, final newline', () => {
    fc.assert(
      fc.property(messyNnFile, (text) => {
        const out = format(text)!;
        if (out === '') return;
        assert.ok(/\n$/.test(out));
        const lines = out.replace(/\r\n/g, '\n').split('\n').slice(0, -1);
        let depth = 0;
        lines.forEach((line, i) => {
          assert.doesNotMatch(line, /[ \t]$/, `line ${i} has no trailing whitespace`);
          assert.ok(!(line === '' && lines[i - 1] === ''), 'no two blank lines in a row');
          if (line === '') return;
          const closes = line.startsWith('}') ? 1 : 0;
          assert.equal(/^ */.exec(line)![0].length, 2 * (depth - closes), `indentation of ${JSON.stringify(line)}`);
          const code = line.replace(/#.*$/, '');
          depth += (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0);
        });
        assert.notEqual(lines[0], '');
      }),
      { numRuns: 200 },
    );
  });

  it('never changes text it refuses, and never loses a token or comment of arbitrary input', () => {
    fc.assert(
      fc.property(nnJunk, (text) => {
        const out = format(text);
        if (out === undefined) {
          assert.ok(analyze(text).file.errors.length > 0);
          return;
        }
        assert.deepEqual(content(out), content(text));
        assert.equal(format(out), out);
      }),
      { numRuns: 400 },
    );
  });
});
