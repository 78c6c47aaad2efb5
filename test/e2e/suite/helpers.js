// Shared helpers for the end-to-end tests: open workspace files and wait on real events, never on sleeps.
'use strict';
const vscode = require('vscode');

const EXTENSION_ID = 'nn-studio.nn-studio';

/** Activates the extension (if the tests got there first) and returns its API. */
async function extensionApi() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

function workspaceUri(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openWorkspaceFile(name) {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The code of a diagnostic as a string (VS Code may wrap it with a link target). */
function codeOf(diagnostic) {
  const code = diagnostic.code;
  return code !== null && typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

function describeDiagnostics(diagnostics) {
  return diagnostics.length === 0
    ? '(none)'
    : diagnostics
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`)
        .join('; ');
}

/**
 * Resolves with the diagnostics of `uri` once `accept(diagnostics)` is true: checks now, then on every
 * onDidChangeDiagnostics event for that document. Rejects after `timeoutMs` with what was last seen.
 */
function waitForDiagnostics(uri, accept, { timeoutMs = 30000, what = 'the expected diagnostics' } = {}) {
  return new Promise((resolve, reject) => {
    let subscription;
    const finish = (error, value) => {
      clearTimeout(timer);
      if (subscription) subscription.dispose();
      if (error) reject(error);
      else resolve(value);
    };
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) finish(undefined, diagnostics);
    };
    const timer = setTimeout(() => {
      const seen = describeDiagnostics(vscode.languages.getDiagnostics(uri));
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; last seen: ${seen}`));
    }, timeoutMs);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Waits until `uri` has a diagnostic with `code`; returns that diagnostic. */
async function waitForCode(uri, code, options = {}) {
  const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === code), {
    what: `a '${code}' diagnostic`,
    ...options,
  });
  return diagnostics.find((d) => codeOf(d) === code);
}

/** Replaces the text of `document` in its editor (an unsaved edit, as a user would type). */
async function replaceText(document, search, replacement) {
  const offset = document.getText().indexOf(search);
  if (offset < 0) throw new Error(`'${search}' is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)),
    replacement,
  );
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
}

/**
 * Records the training panels' run events (the extension API's onPanelRunEvent) and lets a test wait for
 * one: `next(accept)` resolves with the first recorded or future event that `accept` takes, so an event
 * that arrived before the wait is not missed. Dispose it when done.
 */
function recordPanelEvents(api) {
  const events = [];
  const waiters = new Set();
  const subscription = api.onPanelRunEvent((item) => {
    events.push(item);
    for (const waiter of [...waiters]) waiter(item);
  });
  const describe = () =>
    events.length === 0
      ? '(none)'
      : events
          .slice(-6)
          .map(
            ({ model, mode, event }) =>
              `${model}/${mode}: ${event.type}${event.type === 'epoch' ? ` ${event.epoch}/${event.epochs}` : ''}`,
          )
          .join('; ');
  return {
    events,
    /** Resolves with the first event (already seen or to come) that `accept` takes; rejects after `timeoutMs`. */
    next(accept, { timeoutMs = 120000, what = 'a training panel event' } = {}) {
      const seen = events.find(accept);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = (item) => {
          if (!accept(item)) return;
          clearTimeout(waiter.timer);
          waiters.delete(waiter);
          resolve(item);
        };
        waiter.timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last events: ${describe()}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    /** The events of one run, in order. */
    ofRun(runId) {
      return events.filter((item) => item.event.runId === runId).map((item) => item.event);
    },
    dispose() {
      subscription.dispose();
      for (const waiter of waiters) clearTimeout(waiter.timer);
      waiters.clear();
    },
  };
}

/** True for the last event of a run (`finished` or `error`). */
function isRunEnd(item) {
  return item.event.type === 'finished' || item.event.type === 'error';
}

module.exports = {
  EXTENSION_ID,
  extensionApi,
  workspaceUri,
  openWorkspaceFile,
  codeOf,
  describeDiagnostics,
  waitForDiagnostics,
  waitForCode,
  replaceText,
  recordPanelEvents,
  isRunEnd,
};
