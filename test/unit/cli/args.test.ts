/** The shared argument parsing and file helpers of the `nn` commands. */
import assert from 'node:assert/strict';
import { parseCommandArgs, type GivenArgs } from '../../../server/src/cli/args';
import { diagnosticLine, rootsFor } from '../../../server/src/cli/load';
import { pickModels, pickTrain } from '../../../server/src/model/pick';
import { analyze } from '../../../server/src/analysis';

const FLAGS = {
  out: { type: 'string', short: 'o', missing: 'needs a path' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
} as const;

interface Parsed {
  out?: string;
  last?: string;
  files: string[];
}

/** Parses with a small command and returns what `read` got, or the usage error it printed. */
function parse(...args: string[]): Parsed | string {
  const errors: string[] = [];
  const error = console.error;
  console.error = (...parts: unknown[]) => errors.push(parts.join(' '));
  try {
    const read = ({ values, positionals, order }: GivenArgs<typeof FLAGS>): Parsed | string =>
      positionals.length ? { out: values.out, last: order[order.length - 1], files: positionals } : 'give a file';
    return parseCommandArgs(args, { name: 'demo', usage: 'nn demo FILE', flags: FLAGS, read }) ?? errors.join('\n');
  } finally {
    console.error = error;
  }
}

describe('cli: arguments', () => {
  it('reads values after a space, after =, and attached to a short flag', () => {
    for (const args of [
      ['a.nn', '--out', 'x'],
      ['a.nn', '--out=x'],
      ['a.nn', '-o', 'x'],
      ['-ox', 'a.nn'],
    ]) {
      assert.deepEqual(parse(...args), { out: 'x', last: 'out', files: ['a.nn'] }, args.join(' '));
    }
  });

  it('lets the last of a repeated flag win and keeps the order of flags', () => {
    assert.deepEqual(parse('a.nn', '--out', 'x', '--json', '--out', 'y'), { out: 'y', last: 'out', files: ['a.nn'] });
    assert.equal((parse('a.nn', '--markdown', '--json') as Parsed).last, 'json');
  });

  const usageErrors: [string[], string][] = [
    [['a.nn', '--frob'], "unknown option '--frob'"],
    [['a.nn', '--frob=1'], "unknown option '--frob=1'"],
    [['a.nn', '--json=yes'], "unknown option '--json=yes'"],
    [['a.nn', '-o=x'], "unknown option '-o=x'"],
    [['a.nn', '--out'], '--out needs a path'],
    [['a.nn', '-o'], '-o needs a path'],
    [['a.nn', '--out='], '--out needs a path'],
    [['a.nn', '--out', '--json'], '--out needs a path'],
    [['a.nn', '--out', '-x'], "'-x' after --out looks like an option; write --out=-x if it is the value"],
    [[], 'give a file'],
  ];
  for (const [args, message] of usageErrors) {
    it(`reports '${args.join(' ')}' as: ${message}`, () => {
      assert.equal(parse(...args), `nn demo: ${message}\nUsage: nn demo FILE`);
    });
  }

  it('takes a value that starts with a dash after =', () => {
    assert.deepEqual(parse('a.nn', '--out=-x'), { out: '-x', last: 'out', files: ['a.nn'] });
  });
});

describe('cli: files, places and picks', () => {
  it("uses the current folder as the root for a file inside it, else the file's folder", () => {
    assert.deepEqual(rootsFor('/work/p/nets/a.nn', '/work/p'), ['/work/p']);
    assert.deepEqual(rootsFor('/elsewhere/a.nn', '/work/p'), ['/elsewhere']);
    assert.deepEqual(rootsFor('/work/pp/a.nn', '/work/p'), ['/work/pp'], 'a sibling with the same prefix is outside');
  });

  it('writes a diagnostic in the check style and the compiler style', () => {
    const at = { file: 'a.nn', line: 3, column: 7 };
    const d = { severity: 'warning' as const, code: 'sigmoid-hidden', message: 'use relu' };
    assert.equal(diagnosticLine(at, d), 'a.nn:3:7 warning sigmoid-hidden use relu');
    assert.equal(diagnosticLine(at, d, 'compiler'), 'a.nn:3:7: warning sigmoid-hidden: use relu');
  });

  it('picks models and train blocks by --model, naming the choices when the name is wrong', () => {
    const { semantic } = analyze(
      'model a {\n  input 2\n  dense 1\n}\nmodel b {\n  input 2\n  dense 1\n}\ntrain b {\n  data xor\n}\n',
    );
    assert.deepEqual(
      (pickModels(semantic.models, undefined, 'f.nn') as { name: string }[]).map((m) => m.name),
      ['a', 'b'],
    );
    assert.equal(pickModels(semantic.models, 'c', 'f.nn'), "no model named 'c' in f.nn (it has 'a', 'b')");
    assert.equal(pickModels([], undefined, 'f.nn'), 'f.nn has no model');
    assert.equal((pickTrain(semantic.trains) as { modelName: string }).modelName, 'b');
    assert.equal(pickTrain(semantic.trains, 'a'), "no train block for model 'a' (the file trains 'b')");
  });
});
