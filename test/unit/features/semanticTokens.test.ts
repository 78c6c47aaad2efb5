/** Semantic tokens: the role of each word, and the LSP relative encoding. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import {
  encodeSemanticTokens,
  semanticTokens,
  TOKEN_MODIFIERS,
  TOKEN_TYPES,
} from '../../../server/src/features/semanticTokens';
import { SPIRALS } from './support';

describe('features: semantic tokens', () => {
  const analysis = analyze(SPIRALS);
  const tokens = semanticTokens(analysis);
  const roleOf = (word: string, n = 0) => {
    const matches = tokens.filter((t) => SPIRALS.slice(t.span.start, t.span.end) === word);
    const token = matches[n];
    return token ? [token.type, ...token.modifiers].join('.') : 'none';
  };

  it('tells models, labels, activations, parameters, numbers and keywords apart', () => {
    assert.equal(roleOf('spirals'), 'class.declaration');
    assert.equal(roleOf('spirals', 1), 'class');
    assert.equal(roleOf('out'), 'variable.declaration.readonly');
    assert.equal(roleOf('relu'), 'function.defaultLibrary');
    assert.equal(roleOf('leaky_relu'), 'function.defaultLibrary');
    assert.equal(roleOf('alpha'), 'parameter');
    assert.equal(roleOf('0.1'), 'number');
    assert.equal(roleOf('16'), 'number');
    assert.equal(roleOf('dense'), 'keyword');
    assert.equal(roleOf('model'), 'keyword');
    assert.equal(roleOf('binary'), 'type.defaultLibrary');
    assert.equal(roleOf('adam'), 'enumMember.defaultLibrary');
    assert.equal(roleOf('spiral'), 'enumMember.defaultLibrary');
    assert.equal(tokens[0].type, 'comment');
  });

  it('leaves unknown names to the grammar', () => {
    const text = 'model m {\n  dense 4 rleu\n}\ntrain nope {\n}\n';
    const words = semanticTokens(analyze(text)).map((t) => text.slice(t.span.start, t.span.end));
    assert.ok(!words.includes('rleu'));
    assert.ok(!words.includes('nope'));
  });

  it('encodes relative positions that decode back to the tokens (with non-ASCII before them)', () => {
    const text = '# 😀 é\nmodel m { # 😀\n  input 2\n  dense 4 relu\n}\n';
    const a = analyze(text);
    const list = semanticTokens(a);
    const data = encodeSemanticTokens(a, list);
    assert.equal(data.length, list.length * 5);
    let line = 0,
      char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      const token = list[i / 5];
      assert.deepEqual({ line, character: char }, a.lines.positionAt(token.span.start));
      assert.equal(data[i + 2], token.span.end - token.span.start);
      assert.equal(TOKEN_TYPES[data[i + 3]], token.type);
      assert.equal(
        data[i + 4],
        token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0),
      );
    }
  });

  it('limits tokens to a range', () => {
    const start = SPIRALS.indexOf('train');
    const ranged = semanticTokens(analysis, { start, end: SPIRALS.length });
    assert.ok(ranged.length > 0 && ranged.every((t) => t.span.start >= start));
  });
});
