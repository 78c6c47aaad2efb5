/** Severity settings for any code, the thresholds, and the `nn.*` settings as the editor sends them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { CHECKS, resolveThresholds } from '../../../server/src/checks';
import { readSettings, readSettingsFile } from '../../../server/src/settings';

const FLAWED = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'flawed.nn'), 'utf8');
const found = (text: string, checks: object) =>
  analyze(text, { checks }).diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('check settings', () => {
  it('turns a check off, or changes its severity', () => {
    const result = found(FLAWED, {
      severities: { 'sigmoid-hidden': 'off', 'softmax-one-unit': 'warning', 'linear-hidden': 'error' },
    });
    assert.ok(!result.some((r) => r.endsWith('sigmoid-hidden')));
    assert.ok(result.includes('warning softmax-one-unit'));
    assert.ok(result.includes('error linear-hidden'));
  });

  it('applies to the codes of the parser and the semantic analysis too', () => {
    const text = 'model m {\n  task binary\n  input 2\n  dense 8 rleu\n  dense 1 sigmoid\n}\n';
    assert.deepEqual(found(text, { severities: { 'unknown-activation': 'info' } }), ['info unknown-activation']);
    assert.deepEqual(found(text, { severities: { 'unknown-activation': 'off' } }), []);
  });

  it('keeps param-range’s own warning for leaky_relu alpha ≥ 1 unless a setting says otherwise', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 leaky_relu(alpha: 2)\n  dropout 1.5\n  dense 1 sigmoid\n}\n';
    assert.deepEqual(found(text, {}), ['warning param-range', 'error param-range']);
    assert.deepEqual(found(text, { severities: { 'param-range': 'hint' } }), ['hint param-range', 'hint param-range']);
  });

  it('nn.saturatingDepth moves the saturating-stack threshold', () => {
    const tanh3 =
      'model m {\n  task binary\n  input 2\n  dense 8 tanh\n  dense 8 tanh\n  dense 8 tanh\n  dense 1 sigmoid\n}\n';
    assert.deepEqual(found(tanh3, {}), ['warning saturating-stack']);
    assert.deepEqual(found(tanh3, { saturatingDepth: 4 }), []);
    const tanh2 = 'model m {\n  task binary\n  input 2\n  dense 8 tanh\n  dense 8 tanh\n  dense 1 sigmoid\n}\n';
    assert.deepEqual(found(tanh2, { saturatingDepth: 2 }), ['warning saturating-stack']);
  });

  it('nn.lrLimit.* moves the dying-relu-risk thresholds', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n  optimizer adam(lr: 0.005)\n}\n';
    assert.deepEqual(found(text, {}), []);
    assert.deepEqual(found(text, { lrLimit: { adam: 0.002 } }), ['warning dying-relu-risk']);
  });

  it('nn.lrHigh.* moves the high-learning-rate thresholds', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 tanh\n  dense 1 sigmoid\n  optimizer sgd(lr: 0.5)\n}\n';
    assert.deepEqual(found(text, {}), []);
    assert.deepEqual(found(text, { lrHigh: { sgd: 0.5 } }), ['warning high-learning-rate']);
    assert.deepEqual(found(text, { lrHigh: { adam: 0.5 } }), []);
  });

  it('defaults come from rules.md and the catalog; unusable values keep them', () => {
    const defaults = resolveThresholds({});
    assert.equal(defaults.saturatingDepth, 3);
    assert.deepEqual(defaults.lrLimit, { sgd: 0.1, adam: 0.01, rmsprop: 0.01 });
    assert.deepEqual(defaults.lrHigh, { sgd: 1, adam: 0.1, rmsprop: 0.1 });
    assert.deepEqual(
      resolveThresholds({ saturatingDepth: -1, lrLimit: { sgd: 0 }, lrHigh: { adam: -1, sgd: Infinity } }),
      defaults,
    );
  });

  it('readSettings reads nn.checks, nn.saturatingDepth and nn.lrLimit.* as VS Code sends them', () => {
    const settings = readSettings({
      checks: { 'sigmoid-hidden': 'off', bogus: 'loud' },
      saturatingDepth: 4,
      lrLimit: { sgd: 0.2, adam: 'x' },
      inlayHints: { enabled: false },
    });
    assert.deepEqual(settings.checks.severities, { 'sigmoid-hidden': 'off' });
    assert.equal(settings.checks.saturatingDepth, 4);
    assert.deepEqual(settings.checks.lrLimit, { sgd: 0.2 });
    assert.equal(settings.inlayHints, false);
  });

  it('readSettings reads nn.lrHigh.* like nn.lrLimit.*', () => {
    assert.deepEqual(readSettings({ lrHigh: { rmsprop: 0.3, sgd: 0, adam: 'x' } }).checks.lrHigh, { rmsprop: 0.3 });
    assert.equal(readSettings({}).checks.lrHigh, undefined);
  });

  it('nn check --settings reads nn.lrHigh.* from a settings.json', () => {
    assert.deepEqual(
      readSettingsFile('{\n  // thresholds\n  "nn.lrHigh.sgd": 0.5,\n  "nn.lrHigh.adam": 0.05,\n}\n').checks.lrHigh,
      { sgd: 0.5, adam: 0.05 },
    );
  });
});

describe('package.json contributes the check settings', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const properties = pkg.contributes.configuration.properties;

  it('nn.checks offers every check code with the five levels', () => {
    const checks = properties['nn.checks'];
    assert.equal(checks.type, 'object');
    for (const def of CHECKS) assert.ok(checks.properties[def.code], `nn.checks lists ${def.code}`);
    assert.deepEqual(checks.additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
  });

  it('the thresholds have the defaults of rules.md', () => {
    assert.equal(properties['nn.saturatingDepth'].default, 3);
    assert.equal(properties['nn.lrLimit.sgd'].default, 0.1);
    assert.equal(properties['nn.lrLimit.adam'].default, 0.01);
    assert.equal(properties['nn.lrLimit.rmsprop'].default, 0.01);
    for (const name of ['sgd', 'adam', 'rmsprop'] as const) {
      assert.equal(properties[`nn.lrHigh.${name}`].default, resolveThresholds({}).lrHigh[name], `nn.lrHigh.${name}`);
    }
  });
});
