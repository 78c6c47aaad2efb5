/**
 * fast-check arbitraries for `.nn` files that parse without syntax errors but are written messily: random
 * spaces and tabs, blank lines, `;` between statements, braces on the next line, comments everywhere,
 * CRLF line endings. Their meaning varies too (labels, parameters, unknown names, missing lines).
 */
import fc from 'fast-check';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Required whitespace between two words. */
const sp = pick(' ', '  ', '\t', ' \t ');
/** Optional whitespace around punctuation. */
const ws = pick('', '', ' ', '  ', '\t');

const commentText = fc
  .array(pick('a', 'b', 'Z', ' ', ' ', '#', ':', ';', '{', '}', '(', '"', 'é', '😀', '\t', '→'), { maxLength: 16 })
  .map((cs) => cs.join(''));
const comment = commentText.map((t) => `#${t}`);

const name = pick('m', 'spirals', 'net_2', 'Classifier', 'dense', 'x');
const label = pick('out', 'h1', 'hidden', 'dense_1', 'z');
const activationName = pick(
  'relu',
  'tanh',
  'sigmoid',
  'softmax',
  'leaky_relu',
  'elu',
  'gelu',
  'swish',
  'silu',
  'maxout',
  'prelu',
  'linear',
  'rleu',
);
const number = pick('1', '2', '3', '8', '16', '0.1', '0.5', '.5', '1e-3', '2.5E+1', '-0.1', '0');
const int = pick('1', '2', '3', '4', '8', '16', '64');

/** `name(args)` or `name`, with random spacing and a random mix of named and positional arguments. */
function call(names: fc.Arbitrary<string>, argNames: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(number, pick('tanh', 'none', 'on', '"file.csv"', '"y"'));
  const arg = fc
    .tuple(fc.option(pick(...argNames, 'bogus'), { nil: undefined }), value, ws, ws)
    .map(([n, v, a, b]) => (n ? `${n}${a}:${b}${v}` : v));
  const args = fc.array(arg, { maxLength: 3 });
  return fc.tuple(names, fc.option(fc.tuple(ws, args, ws, ws), { nil: undefined })).map(([n, parens]) => {
    if (!parens) return n;
    const [a, list, b, c] = parens;
    return `${n}${a}(${b}${list.join(`${c},${a}`)}${c})`;
  });
}

const denseLayer = fc
  .tuple(
    sp,
    int,
    fc.option(fc.tuple(sp, call(activationName, ['alpha', 'beta', 'pieces', 'approximate', 'init'])), {
      nil: undefined,
    }),
    fc.option(fc.tuple(sp, sp, pick('he', 'glorot', 'lecun_uniform', 'he_normal')), { nil: undefined }),
  )
  .map(
    ([a, units, act, init]) =>
      `dense${a}${units}${act ? act.join('') : ''}${init ? `${init[0]}init${init[1]}${init[2]}` : ''}`,
  );

const layer = fc
  .tuple(
    fc.option(fc.tuple(label, ws, ws), { nil: undefined }),
    fc.oneof(
      { weight: 4, arbitrary: denseLayer },
      { weight: 1, arbitrary: fc.tuple(sp, pick('0.2', '0.5', '0')).map(([a, r]) => `dropout${a}${r}`) },
      { weight: 1, arbitrary: fc.tuple(sp, call(activationName, ['alpha'])).map(([a, c]) => `activation${a}${c}`) },
    ),
  )
  .map(([lab, body]) => (lab ? `${lab[0]}${lab[1]}:${lab[2]}${body}` : body));

const modelStatement = fc.oneof(
  { weight: 6, arbitrary: layer },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sp, call(pick('binary', 'regression', 'multiclass', 'multilabel'), ['classes', 'labels']))
      .map(([a, c]) => `task${a}${c}`),
  },
  { weight: 1, arbitrary: fc.tuple(sp, int).map(([a, n]) => `input${a}${n}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(sp, call(pick('mse', 'bce', 'cce', 'huber', 'mae'), ['delta'])).map(([a, c]) => `loss${a}${c}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sp, call(pick('adam', 'sgd', 'rmsprop'), ['lr', 'momentum', 'beta1', 'rho']))
      .map(([a, c]) => `optimizer${a}${c}`),
  },
  { weight: 1, arbitrary: fc.tuple(sp, pick('he', 'glorot_uniform', 'lecun')).map(([a, n]) => `init${a}${n}`) },
  { weight: 1, arbitrary: fc.tuple(sp, call(pick('l1', 'l2'), ['amount'])).map(([a, c]) => `regularize${a}${c}`) },
);

const trainStatement = fc.oneof(
  fc
    .tuple(sp, call(pick('spiral', 'xor', 'blobs', 'iris', 'csv', 'moons'), ['points', 'noise', 'classes', 'target']))
    .map(([a, c]) => `data${a}${c}`),
  fc.tuple(pick('epochs', 'batch', 'seed'), sp, int).map(([k, a, n]) => `${k}${a}${n}`),
  fc.tuple(pick('validation', 'lr'), sp, pick('0.2', '0.01', '.5')).map(([k, a, n]) => `${k}${a}${n}`),
  fc.tuple(sp, pick('on', 'off')).map(([a, v]) => `normalize${a}${v}`),
  fc
    .tuple(
      sp,
      fc.array(fc.tuple(ws, pick('x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'), ws), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([a, names]) => `features${a}${names.map(([b, n, c]) => `${b}${n}${c}`).join(',')}`),
);

/** What goes between two statements: `;` on the same line, or a line break with an optional trailing comment and blank lines. */
const separator = fc.oneof(
  fc.tuple(ws, ws).map(([a, b]) => `${a};${b}`),
  fc
    .tuple(
      ws,
      fc.option(comment, { nil: undefined }),
      fc.array(fc.tuple(ws, fc.option(comment, { nil: undefined })), { maxLength: 3 }),
      ws,
    )
    .map(
      ([a, c, blanks, indent]) =>
        `${c ? `${a}${c}` : a}\n${blanks.map(([w, bc]) => `${w}${bc ?? ''}\n`).join('')}${indent}`,
    ),
);

function block(keyword: 'model' | 'train', statement: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      sp,
      name,
      pick(' ', '', '\n', '\n\n', ' \n'),
      fc.array(fc.tuple(statement, separator), { maxLength: 7 }),
      separator,
      ws,
    )
    .map(
      ([a, n, beforeBrace, statements, first, last]) =>
        `${keyword}${a}${n}${beforeBrace}{${first.startsWith(';') ? ' ' : first}${statements.map(([s, sep]) => s + sep).join('')}${last}}`,
    );
}

/** A whole file: declarations, comments and blank lines between them, LF or CRLF. */
export const messyNnFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: block('model', modelStatement) },
          { weight: 2, arbitrary: block('train', trainStatement) },
        ),
        fc.oneof(
          pick('\n', '\n\n', '\n\n\n', ' '),
          fc.tuple(ws, comment).map(([w, c]) => `${w}${c}\n`),
        ),
      ),
      { maxLength: 4 },
    ),
    fc.option(comment, { nil: undefined }),
    fc.boolean(),
  )
  .map(([decls, head, crlf]) => {
    const text = `${head ? `${head}\n` : ''}${decls.map(([d, gap]) => d + gap).join('')}`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Arbitrary fragments of the language glued together: mostly broken text, for crash and loss tests. */
export const nnJunk: fc.Arbitrary<string> = fc
  .array(
    pick(
      'model',
      'train',
      ' ',
      ' ',
      '\n',
      '\r\n',
      '{',
      '}',
      '(',
      ')',
      ':',
      ',',
      ';',
      'dense',
      '16',
      'relu',
      'leaky_relu',
      'alpha',
      'task',
      'multiclass',
      'data',
      'csv',
      'init',
      'he',
      'activation',
      'out',
      '#c',
      '"s',
      '"',
      'x',
      '\t',
      '😀',
      '-',
      '.5',
      'dropout',
      '0.2',
      'input',
      '2',
    ),
    { maxLength: 50 },
  )
  .map((parts) => parts.join(''));
