/** The typed `nn.*` settings, read as VS Code hands the section over or from a settings.json. */
import { strict as assert } from 'node:assert';
import { DEFAULT_SETTINGS, readSettings, readSettingsFile } from '../../../server/src/settings';

describe('nn settings', () => {
  it('keeps the training thresholds apart from the static checks', () => {
    const settings = readSettings({
      deadFraction: 0.3,
      plateauWindow: 0.5,
      saturatingDepth: 4,
      checks: { 'dead-units': 'error' },
    });
    assert.deepEqual(settings.training, { deadFraction: 0.3, plateauWindow: 0.5 });
    assert.deepEqual(settings.checks, { severities: { 'dead-units': 'error' }, saturatingDepth: 4 });
  });

  it('drops malformed values, so every reader falls back to its default', () => {
    const settings = readSettings({
      deadFraction: 'a lot',
      lrLimit: { sgd: -1, adam: 0.02 },
      modelSize: { warnParameters: 0, warnMegabytes: 64 },
      checks: { x: 'loud' },
      inlayHints: 'no',
    });
    assert.deepEqual(settings.training, {});
    assert.deepEqual(settings.checks, { severities: {}, lrLimit: { adam: 0.02 }, modelSize: { warnMegabytes: 64 } });
    assert.equal(settings.inlayHints, true);
    assert.deepEqual(readSettings(undefined), { ...DEFAULT_SETTINGS, checks: { severities: {} } });
  });

  it('reads the flat `nn.*` keys of a settings.json, comments and trailing commas included', () => {
    const settings = readSettingsFile(`{
      // training
      "nn.deadFraction": 0.25, /* block */
      "nn.codeLens.enabled": false,
      "nn.lrHigh.sgd": 0.5,
      "editor.tabSize": 2,
      "nn.checks": { "sigmoid-hidden": "off", },
    }`);
    assert.deepEqual(settings.training, { deadFraction: 0.25 });
    assert.equal(settings.codeLens, false);
    assert.deepEqual(settings.checks, { severities: { 'sigmoid-hidden': 'off' }, lrHigh: { sgd: 0.5 } });
  });

  it('does not stumble on a group key that is also given a plain value', () => {
    assert.deepEqual(readSettingsFile('{ "nn.lrLimit": 3, "nn.lrLimit.adam": 0.02 }').checks.lrLimit, { adam: 0.02 });
  });

  it('reads nn.python for the PyTorch backend, ignoring an empty or non-string value', () => {
    assert.equal(readSettingsFile('{ "nn.python": "/usr/bin/python3" }').python, '/usr/bin/python3');
    assert.equal(readSettingsFile('{ "nn.python": "  " }').python, undefined);
    assert.equal(readSettingsFile('{ "nn.python": 3 }').python, undefined);
  });
});
