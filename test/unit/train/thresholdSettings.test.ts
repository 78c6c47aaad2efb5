/** Every training-check threshold is a declared `nn.*` setting with the default the engine uses. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THRESHOLDS, type TrainingThresholds } from '../../../server/src/train/checks/thresholds';
import { readSettings } from '../../../server/src/lsp/settings';

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

describe('package.json declares the training-check thresholds', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const properties = pkg.contributes.configuration.properties as Record<string, NumberSetting>;

  for (const [key, value] of Object.entries(DEFAULT_THRESHOLDS) as [keyof TrainingThresholds, number][]) {
    it(`nn.${key} defaults to ${value}`, () => {
      const setting = properties[`nn.${key}`];
      assert.ok(setting, `package.json has no setting nn.${key}`);
      assert.equal(setting.default, value);
      assert.equal(setting.type, Number.isInteger(value) && /Epochs$/.test(key) ? 'integer' : 'number');
      assert.equal(setting.scope, 'resource');
      assert.ok((setting.markdownDescription ?? setting.description ?? '').length > 40, 'a description that explains it');
      if (setting.minimum !== undefined) assert.ok(value >= setting.minimum, 'default within the minimum');
      if (setting.exclusiveMinimum !== undefined) assert.ok(value > setting.exclusiveMinimum, 'default above the exclusive minimum');
      if (setting.maximum !== undefined) assert.ok(value <= setting.maximum, 'default within the maximum');
    });
  }

  it('the language server passes each of them on under its own name', () => {
    const raw = Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((key, i) => [key, i + 0.5]));
    const checks = readSettings(raw).checks as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) assert.equal(checks[key], value, key);
  });
});
