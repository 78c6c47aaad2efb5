/**
 * Code actions: the quick fixes of the checks (one per fix, the obvious one preferred) and `source.fixAll.nn`,
 * which applies every preferred fix. The fixes themselves are pure functions in checks/; this wraps them as
 * WorkspaceEdits so the editor applies them as one undoable step.
 */
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { fixAll, fixesFor } from '../checks';
import type { TextEdit } from '../syntax/textEdit';
import type { Feature } from './context';
import { toLspDiagnostic, toRange } from './convert';

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nn`;

function toLspEdits(analysis: Analysis, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(analysis.lines, e.span), newText: e.newText }));
}

/** True when a request restricted to `only` kinds asks for `kind` (a kind covers its sub-kinds). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export const codeActionsFeature: Feature = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  },
  register(context) {
    context.connection.onCodeAction((params) => {
      const uri = params.textDocument.uri;
      const analysis = context.analysisOf(uri);
      if (!analysis) return null;
      const only = params.context.only;
      const actions: CodeAction[] = [];

      if (wanted(only, CodeActionKind.QuickFix)) {
        const start = analysis.lines.offsetAt(params.range.start);
        const end = analysis.lines.offsetAt(params.range.end);
        // The client's diagnostics may lag a version behind; the current analysis decides, the client's codes filter.
        const codes = new Set(params.context.diagnostics.map((d) => String(d.code)));
        for (const diagnostic of analysis.diagnostics) {
          if (diagnostic.span.start > end || diagnostic.span.end < start) continue;
          if (codes.size > 0 && !codes.has(diagnostic.code)) continue;
          const lsp = toLspDiagnostic(diagnostic, analysis.lines, uri, context.docsUrl);
          for (const fix of fixesFor(diagnostic, analysis)) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [lsp],
              isPreferred: fix.preferred === true,
              edit: { changes: { [uri]: toLspEdits(analysis, fix.edits) } },
            });
          }
        }
      }

      // Only on request: editors ask for source actions explicitly (on save, or from the Source Action menu).
      if (only && wanted(only, FIX_ALL_KIND)) {
        const edits = fixAll(analysis);
        if (edits.length) {
          actions.push({
            title: 'Fix all NN problems that have an obvious fix',
            kind: FIX_ALL_KIND,
            edit: { changes: { [uri]: toLspEdits(analysis, edits) } },
          });
        }
      }
      return actions;
    });
  },
};
