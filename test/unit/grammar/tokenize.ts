// Tokenizes text with the extension's TextMate grammar, the way VS Code does (vscode-textmate + Oniguruma).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const grammarFile = path.join(root, 'syntaxes/nn.tmLanguage.json');

export interface Token {
  text: string;
  /** Scopes from outermost to innermost, without the root `source.nn`. */
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.nn' ? textmate.parseRawGrammar(readFileSync(grammarFile, 'utf8'), grammarFile) : null,
    });
    const grammar = await registry.loadGrammar('source.nn');
    if (!grammar) throw new Error('the grammar source.nn did not load');
    return grammar;
  })();
  return grammarPromise;
}

/** Returns the tokens of each line of `text`. */
export async function tokenizeLines(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({
      text: line.slice(token.startIndex, Math.min(token.endIndex, line.length)),
      scopes: token.scopes.filter((scope) => scope !== 'source.nn'),
    }));
  });
}

/**
 * A readable dump: each source line after `>`, then one row per token that is not bare whitespace,
 * with the token text in quotes and its scopes.
 */
export async function scopeDump(text: string): Promise<string> {
  const lines = text.split(/\r?\n/);
  const tokens = await tokenizeLines(text);
  const out: string[] = [];
  lines.forEach((line, index) => {
    out.push(`>${line}`);
    for (const token of tokens[index]) {
      if (token.text.trim() === '' && token.scopes.every((scope) => scope.startsWith('meta.'))) continue;
      out.push(` ${JSON.stringify(token.text)} ${token.scopes.join(' ') || '(none)'}`);
    }
  });
  return out.join('\n') + '\n';
}

/** The innermost scope of the first token whose text is exactly `word` on a line containing `lineIncludes`. */
export async function scopesOf(text: string, lineIncludes: string, word: string): Promise<string[]> {
  const lines = text.split(/\r?\n/);
  const tokens = await tokenizeLines(text);
  const index = lines.findIndex((line) => line.includes(lineIncludes));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(lineIncludes)}`);
  const token = tokens[index].find((candidate) => candidate.text === word);
  if (!token) {
    const seen = tokens[index].map((candidate) => JSON.stringify(candidate.text)).join(', ');
    throw new Error(`no token ${JSON.stringify(word)} on line ${index + 1} (tokens: ${seen})`);
  }
  return token.scopes;
}
