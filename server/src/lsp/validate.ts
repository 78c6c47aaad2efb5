/**
 * The shape every handled request and notification must have before it reaches a handler. A check returns
 * undefined when the value fits, otherwise a sentence naming the first part that does not.
 * Extra fields are allowed (clients may send newer protocol fields); missing or mistyped ones are not.
 */
export type Check = (value: unknown, path: string) => string | undefined;

const MAX_UINTEGER = 2 ** 31 - 1;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

export const any: Check = () => undefined;
export const string: Check = (v, p) =>
  typeof v === 'string' ? undefined : `${p} must be a string, not ${describe(v)}`;
export const boolean: Check = (v, p) =>
  typeof v === 'boolean' ? undefined : `${p} must be true or false, not ${describe(v)}`;
export const finite: Check = (v, p) =>
  typeof v === 'number' && Number.isFinite(v) ? undefined : `${p} must be a finite number`;
export const integer: Check = (v, p) => (Number.isSafeInteger(v) ? undefined : `${p} must be an integer`);
/** An LSP `uinteger`: 0 to 2³¹ − 1. */
const uinteger: Check = (v, p) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_UINTEGER
    ? undefined
    : `${p} must be an integer from 0 to ${MAX_UINTEGER}`;

export const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p);
const nullable =
  (check: Check): Check =>
  (v, p) =>
    v === null ? undefined : check(v, p);
export const oneOf =
  (...values: string[]): Check =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${p} must be one of ${values.join(', ')}`;
export const either =
  (a: Check, b: Check): Check =>
  (v, p) =>
    a(v, p) === undefined ? undefined : b(v, p);

export function object(fields: Record<string, Check> = {}): Check {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object, not ${describe(v)}`;
    const record = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined, `${p}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

export function array(item: Check): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array, not ${describe(v)}`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

export const position = object({ line: uinteger, character: uinteger });
export const range = object({ start: position, end: position });
const textDocument = object({ uri: string });
const documentParams = object({ textDocument });
const positionParams = object({ textDocument, position });
const rangeParams = object({ textDocument, range });
const contentChange = object({ text: string, range: optional(range), rangeLength: optional(uinteger) });
const diagnostic = object({ range, message: string, code: optional(either(string, integer)) });
const trainingFinding = object({
  code: string,
  severity: oneOf('error', 'warning', 'info'),
  message: string,
  layer: optional(string),
  sourceIndex: optional(uinteger),
  epoch: finite,
});
const docRef = object({
  kind: string,
  name: optional(string),
  block: optional(string),
  callee: optional(string),
  calleeKind: optional(string),
  markdown: optional(string),
});

/** The params of every method the server handles, by method name. Methods not listed are left to the library. */
const PARAMS: Record<string, Check> = {
  initialize: object({
    capabilities: object(),
    processId: optional(nullable(integer)),
    rootUri: optional(nullable(string)),
    rootPath: optional(nullable(string)),
    workspaceFolders: optional(nullable(array(object({ uri: string })))),
  }),
  'textDocument/didOpen': object({
    textDocument: object({ uri: string, languageId: string, version: integer, text: string }),
  }),
  'textDocument/didChange': object({
    textDocument: object({ uri: string, version: integer }),
    contentChanges: array(contentChange),
  }),
  'textDocument/didClose': documentParams,
  'textDocument/didSave': object({ textDocument, text: optional(string) }),
  'textDocument/willSave': object({ textDocument, reason: integer }),
  'workspace/didChangeConfiguration': object(),
  'textDocument/hover': positionParams,
  'textDocument/completion': object({
    textDocument,
    position,
    context: optional(object({ triggerKind: integer, triggerCharacter: optional(string) })),
  }),
  'completionItem/resolve': object({
    label: string,
    data: optional(nullable(object({ uri: string, ref: optional(docRef) }))),
  }),
  'textDocument/signatureHelp': object({
    textDocument,
    position,
    context: optional(object({ triggerKind: integer, isRetrigger: boolean })),
  }),
  'textDocument/documentSymbol': documentParams,
  'textDocument/foldingRange': documentParams,
  'textDocument/selectionRange': object({ textDocument, positions: array(position) }),
  'textDocument/definition': positionParams,
  'textDocument/references': object({ textDocument, position, context: object({ includeDeclaration: boolean }) }),
  'textDocument/prepareRename': positionParams,
  'textDocument/rename': object({ textDocument, position, newName: string }),
  'textDocument/semanticTokens/full': documentParams,
  'textDocument/semanticTokens/range': rangeParams,
  'textDocument/formatting': object({ textDocument, options: object({ tabSize: uinteger, insertSpaces: boolean }) }),
  'textDocument/inlayHint': rangeParams,
  'textDocument/codeLens': documentParams,
  'textDocument/codeAction': object({
    textDocument,
    range,
    context: object({ diagnostics: array(diagnostic), only: optional(array(string)) }),
  }),
  'nn/summary': object({ uri: string, model: optional(string) }),
  'nn/trainingFindings': object({
    uri: string,
    model: string,
    version: optional(integer),
    findings: array(trainingFinding),
  }),
  // The panel's requests: their top level here; what a spec, settings or weights may hold is checked where they are used.
  'nn/panelModel': object({ uri: string, model: optional(string) }),
  'nn/planRun': object({
    uri: string,
    model: optional(string),
    settings: optional(object()),
    hiddenActivation: optional(string),
    gridSize: optional(uinteger),
  }),
  'nn/saveRun': object({ uri: string, spec: object(), settings: object(), weights: object() }),
  'nn/panelEdits': object({ uri: string, model: string, fix: object() }),
  'nn/export': object({
    uri: string,
    target: string,
    model: optional(string),
    weights: boolean,
    stem: optional(string),
  }),
};

/** Why the params of `method` are unusable, or undefined when they fit (or the method is not checked here). */
export function paramsProblem(method: string, params: unknown): string | undefined {
  const check = Object.prototype.hasOwnProperty.call(PARAMS, method) ? PARAMS[method] : undefined;
  return check?.(params, 'params');
}
