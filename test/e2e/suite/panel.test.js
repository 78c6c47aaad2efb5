// The training panel in real VS Code: nn.train and nn.compareActivations open it and train in a worker;
// the tests follow each run through the extension API's onPanelRunEvent (no sleeps), check the results,
// the `nn-train` diagnostics of a flawed model, and that closing the panel stops its run.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const {
  codeOf,
  describeDiagnostics,
  extensionApi,
  isRunEnd,
  openWorkspaceFile,
  recordPanelEvents,
  replaceText,
  waitForDiagnostics,
} = require('./helpers');

/** Long enough for a loaded two-core machine: a spirals run takes a few seconds there. */
const RUN_TIMEOUT_MS = 150000;
const TRAINING_CODES = [
  'dead-units',
  'saturated-units',
  'vanishing-gradient',
  'exploding-gradient',
  'loss-plateau',
  'overfitting',
];

async function revert(document) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('training panel', function () {
  this.timeout(RUN_TIMEOUT_MS + 60000);
  let recorder;
  const panels = [];

  before(async () => {
    const api = await extensionApi();
    await api.whenServerReady();
    recorder = recordPanelEvents(api);
  });

  afterEach(() => {
    for (const panel of panels.splice(0)) panel.dispose();
  });

  after(() => recorder.dispose());

  async function open(command, document, model) {
    const panel = await vscode.commands.executeCommand(command, document.uri, model);
    assert.ok(panel, `${command} returned no panel`);
    panels.push(panel);
    return panel;
  }

  it('trains spirals.nn to the end from nn.train, above 90% validation accuracy, and saves its weights', async () => {
    const document = await openWorkspaceFile('spirals.nn');
    const uri = document.uri.toString();
    // The weights file must come from this run, not an earlier test.
    const weightsFile = path.join(path.dirname(document.uri.fsPath), '.nn-runs', 'spirals.weights.json');
    fs.rmSync(weightsFile, { force: true });
    const panel = await open('nn.train', document, 'spirals');
    assert.equal(panel.webview.title, 'Train: spirals');
    const end = await recorder.next((e) => e.uri === uri && e.mode === 'train' && isRunEnd(e), {
      timeoutMs: RUN_TIMEOUT_MS,
      what: 'the spirals run to end',
    });
    const finished = end.event;
    assert.equal(finished.type, 'finished', finished.message);
    assert.equal(finished.reason, 'completed', finished.detail);
    assert.equal(finished.epochs, 300);
    assert.equal(finished.final.metricName, 'accuracy');
    assert.ok(finished.final.valMetric >= 0.9, `validation accuracy ${finished.final.valMetric}`);
    assert.equal(panel.state, 'finished');

    const run = recorder.ofRun(finished.runId);
    const started = run[0];
    assert.equal(started.type, 'started');
    assert.equal(started.dataset.name, 'spiral');
    assert.equal(started.settings.seed, 7);
    const epochs = run.filter((e) => e.type === 'epoch');
    assert.ok(epochs.length > 0, 'no progress reached the panel');
    assert.ok(
      epochs.every((e, i) => i === 0 || e.epoch > epochs[i - 1].epoch),
      'epochs out of order',
    );
    const last = epochs.at(-1);
    assert.equal(last.epoch, 300);
    // Two inputs: the panel asked for the decision boundary on a 100×100 grid.
    assert.ok(last.boundary, 'the last epoch has no decision boundary');
    assert.equal(last.boundary.values.length, 100 * 100);
    assert.ok(last.boundary.values.every(Number.isFinite));
    const counted = finished.confusion.flat().reduce((a, b) => a + b, 0);
    assert.equal(counted, started.dataset.validationSize);

    // The panel saves a completed run's weights beside the file before it reports the end of the run.
    assert.ok(fs.existsSync(weightsFile), `${weightsFile} was not written`);
    const saved = JSON.parse(fs.readFileSync(weightsFile, 'utf8'));
    assert.equal(saved.model.modelName, 'spirals');
    assert.ok(
      saved.weights && saved.weights.dense.length === 3,
      'the saved run has no weights for the three dense layers',
    );
  });

  it('compares relu, leaky_relu, tanh and sigmoid on spirals.nn with the same data and seed', async () => {
    const document = await openWorkspaceFile('spirals.nn');
    const uri = document.uri.toString();
    const panel = await open('nn.compareActivations', document, 'spirals');
    const ends = () => recorder.events.filter((e) => e.uri === uri && e.mode === 'compare' && isRunEnd(e));
    await recorder.next(() => ends().length >= 4, { timeoutMs: RUN_TIMEOUT_MS * 2, what: 'four compare runs to end' });
    const activations = [];
    const reachedAt = {};
    for (const { event } of ends()) {
      assert.equal(event.type, 'finished', event.message);
      assert.equal(event.reason, 'completed', event.detail);
      const started = recorder.ofRun(event.runId)[0];
      assert.equal(started.type, 'started');
      assert.equal(started.settings.seed, 7);
      assert.equal(started.dataset.validationSize, 80);
      const hidden = started.spec.layers.filter((layer) => layer.kind === 'dense').slice(0, -1);
      const names = [...new Set(hidden.map((layer) => layer.activation && layer.activation.name))];
      assert.equal(names.length, 1, `hidden activations ${names.join(', ')}`);
      activations.push(names[0]);
      reachedAt[names[0]] = event.reachedAt;
      // Every epoch the panel received agrees with the trainer's answer: none before it met 90%.
      for (const progress of recorder.ofRun(event.runId).filter((e) => e.type === 'epoch')) {
        if (progress.epoch < (event.reachedAt ?? Infinity)) {
          assert.ok(
            progress.valMetric < 0.9,
            `${names[0]}: epoch ${progress.epoch} has ${progress.valMetric} before reachedAt ${event.reachedAt}`,
          );
          assert.equal(progress.reachedAt, undefined);
        } else {
          assert.equal(progress.reachedAt, event.reachedAt, `${names[0]}: epoch ${progress.epoch}`);
        }
      }
    }
    // The activations the compare view ticks, in the catalog's order (server/src/catalog/activations/compare.ts).
    assert.deepEqual(activations, ['relu', 'leaky_relu', 'tanh', 'sigmoid']);
    // relu gets spirals past 90% validation accuracy well within its 300 epochs.
    assert.ok(
      Number.isInteger(reachedAt.relu) && reachedAt.relu >= 1 && reachedAt.relu <= 300,
      `relu reachedAt ${reachedAt.relu}`,
    );
    assert.equal(panel.state, 'finished');
  });

  it('shows the findings of a run of flawed.nn as nn-train diagnostics on their lines', async () => {
    const document = await openWorkspaceFile('flawed.nn');
    const uri = document.uri.toString();
    const config = vscode.workspace.getConfiguration('nn');
    try {
      // No run starts from a file with errors: lower flawed.nn's one error (softmax over one unit) to a warning,
      // as a user may, and wait until the server has the setting; training then shows what the flaw does.
      await config.update('checks', { 'softmax-one-unit': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(
        document.uri,
        (all) => all.some((d) => codeOf(d) === 'softmax-one-unit' && d.severity === vscode.DiagnosticSeverity.Warning),
        {
          what: 'softmax-one-unit as a warning',
        },
      );
      await open('nn.train', document, 'flawed');
      const end = await recorder.next((e) => e.uri === uri && isRunEnd(e), {
        timeoutMs: RUN_TIMEOUT_MS,
        what: 'the flawed run to end',
      });
      assert.equal(end.event.type, 'finished', end.event.message);
      const findings = end.event.findings;
      assert.ok(findings.length > 0, 'the run of flawed.nn found nothing');
      const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'nn-train'), {
        timeoutMs: 60000,
        what: 'an nn-train diagnostic',
      });
      const fromTraining = diagnostics.filter((d) => d.source === 'nn-train');
      for (const diagnostic of fromTraining) {
        assert.ok(TRAINING_CODES.includes(codeOf(diagnostic)), describeDiagnostics([diagnostic]));
        assert.ok(
          findings.some((f) => f.code === codeOf(diagnostic)),
          `not among the run's findings: ${describeDiagnostics([diagnostic])}`,
        );
      }
      // A finding stays while its line is unchanged; editing the line clears it (and leaves the file clean for later tests).
      const line = document.lineAt(fromTraining[0].range.start.line);
      await replaceText(document, line.text, `${line.text} `);
      await waitForDiagnostics(document.uri, (all) => !all.some((d) => d.source === 'nn-train'), {
        what: 'the nn-train diagnostics to go after the edit',
      });
    } finally {
      await config.update('checks', undefined, vscode.ConfigurationTarget.Workspace);
      await revert(document);
    }
  });

  it('stops the run when the panel is closed', async () => {
    const document = await openWorkspaceFile('xor.nn');
    const uri = document.uri.toString();
    try {
      await replaceText(document, 'epochs 200', 'epochs 100000');
      const panel = await open('nn.train', document, 'xor');
      const progress = await recorder.next((e) => e.uri === uri && e.event.type === 'epoch', {
        timeoutMs: RUN_TIMEOUT_MS,
        what: 'the first epoch of the long run',
      });
      const runId = progress.event.runId;
      assert.equal(progress.event.epochs, 100000);
      // Close the panel as a user would (its tab), which disposes the panel.
      panel.webview.dispose();
      const end = await recorder.next((e) => e.event.runId === runId && isRunEnd(e), {
        timeoutMs: 30000,
        what: 'the run to end after closing',
      });
      assert.equal(
        end.event.type,
        'error',
        `the run ${end.event.type === 'finished' ? `finished (${end.event.reason})` : 'ended'} instead of being stopped`,
      );
      assert.match(end.event.message, /terminated/);
      const reached = recorder
        .ofRun(runId)
        .filter((e) => e.type === 'epoch')
        .at(-1).epoch;
      assert.ok(reached < 100000, `the run reached epoch ${reached}`);
      // The closed panel is gone: the command opens a new one.
      await replaceText(document, 'epochs 100000', 'epochs 200');
      const again = await open('nn.train', document, 'xor');
      assert.notEqual(again, panel);
    } finally {
      await revert(document);
    }
  });
});
