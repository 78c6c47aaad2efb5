/** Every threshold of the one table (static and training checks) is a declared `nn.*` setting with the same default. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THRESHOLDS, TRAINING_THRESHOLD_KEYS, trainingThresholdsFrom } from '../../../server/src/thresholds';
import { readSettings } from '../../../server/src/settings';

interface NumberSetting {
  type: string;
  default: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  scope?: string;
  markdownDescription?: string;
  description?: string;
}

/** Every setting of the table with its default: `nn.KEY`, or `nn.GROUP.NAME` for a group. */
function settings(): [string, number][] {
  return Object.entries(DEFAULT_THRESHOLDS).flatMap(([key, value]): [string, number][] =>
    typeof value === 'number'
      ? [[`nn.${key}`, value]]
      : Object.entries(value as Record<string, number>).map(([name, v]) => [`nn.${key}.${name}`, v]),
  );
}

describe('package.json declares every check threshold', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const properties = pkg.contributes.configuration.properties as Record<string, NumberSetting>;

  for (const [key, value] of settings()) {
    it(`${key} defaults to ${value}`, () => {
      const setting = properties[key];
      assert.ok(setting, `package.json has no setting ${key}`);
      assert.equal(setting.default, value);
      assert.equal(setting.type, /(Epochs|Depth)$/.test(key) ? 'integer' : 'number');
      assert.equal(setting.scope, 'resource');
      assert.ok(
        (setting.markdownDescription ?? setting.description ?? '').length > 40,
        'a description that explains it',
      );
      if (setting.minimum !== undefined) assert.ok(value >= setting.minimum, 'default within the minimum');
      if (setting.exclusiveMinimum !== undefined)
        assert.ok(value > setting.exclusiveMinimum, 'default above the exclusive minimum');
      if (setting.maximum !== undefined) assert.ok(value <= setting.maximum, 'default within the maximum');
    });
  }

  it('the language server passes each training threshold on under its own name', () => {
    const raw = Object.fromEntries(TRAINING_THRESHOLD_KEYS.map((key, i) => [key, i + 0.5]));
    const training = readSettings(raw).training as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) assert.equal(training[key], value, key);
    assert.deepEqual(trainingThresholdsFrom(training), raw, 'and the trainer reads them back');
  });
});
