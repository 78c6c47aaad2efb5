/**
 * Recursive-descent parser for `.nn` files (language.md §3).
 * It never throws: it returns a tree plus errors, and recovers at statement and block boundaries.
 */
import type {
  Arg,
  Call,
  Declaration,
  DenseLayer,
  Ident,
  ModelDecl,
  ModelStmt,
  NumberValue,
  SourceFile,
  SyntaxError,
  TrainDecl,
  TrainStmt,
  Value,
} from './ast';
import { lex } from './lexer';
import type { Span } from './span';
import { describeToken, type Token, type TokenKind } from './token';
import { didYouMean, MODEL_KEYWORDS as MODEL_KEYWORD_DOCS, TRAIN_KEYWORDS as TRAIN_KEYWORD_DOCS } from '../catalog';

const MODEL_KEYWORDS = MODEL_KEYWORD_DOCS.map((k) => k.keyword);
const TRAIN_KEYWORDS = TRAIN_KEYWORD_DOCS.map((k) => k.keyword);
const LAYER_KEYWORDS = new Set(['dense', 'dropout', 'activation']);

export function parse(text: string): SourceFile {
  return new Parser(text).parseFile();
}

class Parser {
  private readonly tokens: Token[];
  private readonly errors: SyntaxError[];
  private readonly comments;
  private pos = 0;

  constructor(private readonly text: string) {
    const lexed = lex(text);
    this.tokens = lexed.tokens;
    this.errors = lexed.errors;
    this.comments = lexed.comments;
  }

  parseFile(): SourceFile {
    const declarations: Declaration[] = [];
    while (!this.at('eof')) {
      if (this.at('newline') || this.at('semi')) {
        this.pos++;
        continue;
      }
      const token = this.peek();
      if (this.isIdent('model')) {
        declarations.push(this.parseModel());
      } else if (this.isIdent('train')) {
        declarations.push(this.parseTrain());
      } else if (token.kind === 'rbrace') {
        this.error(token.span, "unmatched '}' — there is no open block to close");
        this.pos++;
      } else {
        const suggestion = token.kind === 'ident' ? didYouMean(token.text, ['model', 'train']) : undefined;
        this.error(
          token.span,
          `expected 'model' or 'train' at the top level, found ${describeToken(token)}` +
            (suggestion ? ` — did you mean '${suggestion}'?` : ''),
        );
        this.skipTopLevelJunk();
      }
    }
    return { span: { start: 0, end: this.text.length }, declarations, comments: this.comments, errors: this.errors };
  }

  /* ---------- Declarations ---------- */

  private parseModel(): ModelDecl {
    const keyword = this.ident();
    const decl: ModelDecl = { kind: 'model', span: keyword.span, keyword, body: [] };
    this.parseBlock(decl, 'model', () => this.parseModelStatement());
    return decl;
  }

  private parseTrain(): TrainDecl {
    const keyword = this.ident();
    const decl: TrainDecl = { kind: 'train', span: keyword.span, keyword, body: [] };
    this.parseBlock(decl, 'train', () => this.parseTrainStatement());
    return decl;
  }

  /** Parses `NAME { statements }` after the keyword, filling in `decl`. */
  private parseBlock<S extends { span: Span }>(
    decl: { span: Span; name?: Ident; open?: Span; close?: Span; body: S[] },
    what: 'model' | 'train',
    parseStatement: () => S | undefined,
  ): void {
    if (this.at('ident')) {
      decl.name = this.ident();
    } else {
      this.error(
        this.here(),
        what === 'model'
          ? `expected a model name after 'model', found ${describeToken(this.peek())}`
          : `expected the name of the model to train after 'train', found ${describeToken(this.peek())}`,
      );
    }
    // The brace may sit on the next line.
    const save = this.pos;
    while (this.at('newline')) this.pos++;
    if (this.at('lbrace')) {
      decl.open = this.next().span;
    } else {
      this.pos = save;
      const where = decl.name?.span ?? decl.span;
      this.error({ start: where.end, end: where.end }, `expected '{' to open the ${what} block`);
      if (!this.at('newline') && !this.at('eof')) this.skipStatement();
    }
    const owner = decl.name ? `${what} '${decl.name.text}'` : `this ${what} block`;
    for (;;) {
      if (this.at('newline') || this.at('semi')) {
        this.pos++;
        continue;
      }
      if (this.at('rbrace')) {
        decl.close = this.next().span;
        break;
      }
      if (this.at('eof') || this.startsDeclaration()) {
        const at = decl.open ?? decl.name?.span ?? decl.span;
        this.error(at, `${owner} is never closed — add '}' after its last statement`);
        break;
      }
      const stmt = parseStatement();
      if (stmt) decl.body.push(stmt);
    }
    decl.span = { start: decl.span.start, end: this.previousEnd() };
  }

  /** True at `model NAME {` or `train NAME {`: a new declaration, so an unclosed block ends here. */
  private startsDeclaration(): boolean {
    if (!this.isIdent('model') && !this.isIdent('train')) return false;
    const name = this.tokens[this.pos + 1];
    const brace = this.tokens[this.pos + 2];
    return name?.kind === 'ident' && brace?.kind === 'lbrace';
  }

  /* ---------- Model statements ---------- */

  private parseModelStatement(): ModelStmt | undefined {
    const start = this.pos;
    if (!this.at('ident')) return this.unexpectedStatement('model');
    let label: Ident | undefined;
    if (this.peekAt(1).kind === 'colon') {
      label = this.ident();
      this.pos++; // ':'
      if (!this.at('ident') || !LAYER_KEYWORDS.has(this.peek().text)) {
        this.error(
          this.here(),
          `expected a layer (dense, dropout or activation) after the label '${label.text}:', found ${describeToken(this.peek())}`,
        );
        this.skipStatement();
        return undefined;
      }
    }
    const keyword = this.peek().text;
    let stmt: ModelStmt | undefined;
    switch (keyword) {
      case 'dense':
        stmt = this.parseDense(label);
        break;
      case 'dropout': {
        const kw = this.ident();
        stmt = {
          kind: 'dropout',
          keyword: kw,
          label,
          span: kw.span,
          rate: this.expectNumber('the dropout rate, a number in [0, 1)'),
        };
        break;
      }
      case 'activation': {
        const kw = this.ident();
        stmt = { kind: 'activation', keyword: kw, label, span: kw.span, call: this.expectCall('an activation name') };
        break;
      }
      case 'task':
      case 'loss':
      case 'optimizer':
      case 'regularize': {
        const kw = this.ident();
        const expected = {
          task: 'a task (regression, binary, multiclass or multilabel)',
          loss: 'a loss name',
          optimizer: 'an optimizer (sgd, adam or rmsprop)',
          regularize: 'l1(amount) or l2(amount)',
        }[keyword];
        stmt = { kind: keyword, keyword: kw, span: kw.span, call: this.expectCall(expected) } as ModelStmt;
        break;
      }
      case 'input': {
        const kw = this.ident();
        stmt = {
          kind: 'input',
          keyword: kw,
          span: kw.span,
          value: this.expectNumber('the input width, an integer ≥ 1'),
        };
        break;
      }
      case 'init': {
        const kw = this.ident();
        stmt = {
          kind: 'init',
          keyword: kw,
          span: kw.span,
          name: this.expectIdent('an init name such as he or glorot'),
        };
        break;
      }
      default:
        return this.unexpectedStatement('model');
    }
    stmt.span = { start: this.tokens[start].span.start, end: this.previousEnd() };
    this.endStatement();
    return stmt;
  }

  private parseDense(label: Ident | undefined): DenseLayer {
    const keyword = this.ident();
    const layer: DenseLayer = { kind: 'dense', keyword, label, span: keyword.span };
    if (this.at('number')) {
      layer.units = this.numberValue();
    } else {
      this.error(this.here(), `expected the number of units, an integer ≥ 1, found ${describeToken(this.peek())}`);
      // Skip a word written in place of the count (`dense sixteen relu`) so the activation still parses.
      if (this.at('ident') && this.peek().text !== 'init' && this.peekAt(1).kind === 'ident') this.pos++;
    }
    if (this.at('ident') && this.peek().text !== 'init') layer.activation = this.call();
    if (this.isIdent('init')) {
      const initKeyword = this.ident();
      layer.init = { keyword: initKeyword, name: this.expectIdent('an init name such as he or glorot') };
    }
    return layer;
  }

  /* ---------- Train statements ---------- */

  private parseTrainStatement(): TrainStmt | undefined {
    const start = this.pos;
    if (!this.at('ident')) return this.unexpectedStatement('train');
    const keyword = this.peek().text;
    let stmt: TrainStmt;
    switch (keyword) {
      case 'data': {
        const kw = this.ident();
        stmt = {
          kind: 'data',
          keyword: kw,
          span: kw.span,
          call: this.expectCall('a dataset such as spiral, iris or csv("file.csv", target: "y")'),
        };
        break;
      }
      case 'epochs':
      case 'batch':
      case 'validation':
      case 'seed':
      case 'lr': {
        const kw = this.ident();
        const expected = {
          epochs: 'the number of epochs, an integer ≥ 1',
          batch: 'the batch size, an integer ≥ 1',
          validation: 'the validation fraction, a number in [0, 1)',
          seed: 'a seed, an integer ≥ 0',
          lr: 'a learning rate, a number > 0',
        }[keyword];
        stmt = { kind: keyword, keyword: kw, span: kw.span, value: this.expectNumber(expected) };
        break;
      }
      case 'normalize': {
        const kw = this.ident();
        stmt = { kind: 'normalize', keyword: kw, span: kw.span, value: this.expectIdent("'on' or 'off'") };
        break;
      }
      case 'features': {
        const kw = this.ident();
        stmt = { kind: 'features', keyword: kw, span: kw.span, names: this.featureNames() };
        break;
      }
      default:
        return this.unexpectedStatement('train');
    }
    stmt.span = { start: this.tokens[start].span.start, end: this.previousEnd() };
    this.endStatement();
    return stmt;
  }

  /**
   * `NAME { "," NAME }` after `features`. A missing comma between two names is reported and the name still
   * read; a missing name (`features x1, , x2`) is reported and the list goes on after the next comma.
   */
  private featureNames(): Ident[] {
    const names: Ident[] = [];
    const expected = 'a feature name such as x1, x2 or x1sq';
    for (let first = true; ; first = false) {
      if (this.at('ident')) {
        names.push(this.ident());
      } else {
        this.error(
          this.here(),
          `expected ${expected}${first ? '' : " after ','"}, found ${describeToken(this.peek())}`,
        );
        if (!this.atStatementEnd() && !this.at('comma')) this.pos++;
      }
      while (this.at('ident')) {
        this.error(this.here(), `expected ',' between feature names, found ${describeToken(this.peek())}`);
        names.push(this.ident());
      }
      if (!this.at('comma')) return names;
      this.pos++;
    }
  }

  private unexpectedStatement(block: 'model' | 'train'): undefined {
    const token = this.peek();
    const keywords = block === 'model' ? MODEL_KEYWORDS : TRAIN_KEYWORDS;
    if (token.kind === 'ident') {
      const suggestion = didYouMean(token.text, keywords);
      const other = (block === 'model' ? TRAIN_KEYWORDS : MODEL_KEYWORDS).includes(token.text);
      this.error(
        token.span,
        other
          ? `'${token.text}' belongs in a ${block === 'model' ? 'train' : 'model'} block, not in a ${block} block`
          : `unknown statement '${token.text}' in a ${block} block` +
              (suggestion ? ` — did you mean '${suggestion}'?` : ` — expected one of: ${keywords.join(', ')}`),
      );
    } else if (token.kind !== 'bad') {
      this.error(token.span, `expected a statement, found ${describeToken(token)}`);
    }
    this.skipStatement();
    return undefined;
  }

  /* ---------- Calls and values ---------- */

  private expectCall(expected: string): Call | undefined {
    if (this.at('ident')) return this.call();
    this.error(this.here(), `expected ${expected}, found ${describeToken(this.peek())}`);
    return undefined;
  }

  private call(): Call {
    const name = this.ident();
    const call: Call = { span: name.span, name, args: [] };
    if (!this.at('lparen')) return call;
    const open = this.next().span;
    call.parens = { open };
    for (;;) {
      if (this.at('rparen')) {
        call.parens.close = this.next().span;
        break;
      }
      if (this.atStatementEnd()) {
        this.error({ start: this.previousEnd(), end: this.previousEnd() }, "expected ')' to close the argument list");
        break;
      }
      const arg = this.arg();
      if (arg) call.args.push(arg);
      if (this.at('comma')) {
        this.pos++;
        continue;
      }
      if (this.at('rparen')) continue;
      if (!this.atStatementEnd()) {
        this.error(this.here(), `expected ',' or ')' in the argument list, found ${describeToken(this.peek())}`);
        // Skip to the closing parenthesis or the end of the statement.
        while (!this.at('rparen') && !this.atStatementEnd()) this.pos++;
      }
    }
    call.span = { start: name.span.start, end: this.previousEnd() };
    return call;
  }

  private arg(): Arg | undefined {
    const start = this.peek().span.start;
    let name: Ident | undefined;
    if (this.at('ident') && this.peekAt(1).kind === 'colon') {
      name = this.ident();
      this.pos++; // ':'
    }
    const value = this.value();
    if (!value) {
      const token = this.peek();
      this.error(
        this.here(),
        `expected a value${name ? ` for '${name.text}'` : ''} (a number, a string or a name), found ${describeToken(token)}`,
      );
      if (!name) {
        if (!this.at('comma') && !this.at('rparen') && !this.atStatementEnd()) this.pos++;
        return undefined;
      }
    }
    return { span: { start, end: this.previousEnd() }, name, value };
  }

  private value(): Value | undefined {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        return this.numberValue();
      case 'string':
        this.pos++;
        return { kind: 'string', value: token.value as string, text: token.text, span: token.span };
      case 'ident':
        this.pos++;
        return { kind: 'name', text: token.text, span: token.span };
      default:
        return undefined;
    }
  }

  private numberValue(): NumberValue {
    const token = this.next();
    return { kind: 'number', value: token.value as number, text: token.text, span: token.span };
  }

  private expectNumber(expected: string): NumberValue | undefined {
    if (this.at('number')) return this.numberValue();
    this.error(this.here(), `expected ${expected}, found ${describeToken(this.peek())}`);
    return undefined;
  }

  private expectIdent(expected: string): Ident | undefined {
    if (this.at('ident')) return this.ident();
    this.error(this.here(), `expected ${expected}, found ${describeToken(this.peek())}`);
    return undefined;
  }

  /* ---------- Statement ends and recovery ---------- */

  /** After a statement: a newline, `;`, `}` or the end of file; anything else is reported and skipped. */
  private endStatement(): void {
    if (this.at('newline') || this.at('semi')) {
      this.pos++;
      return;
    }
    if (this.at('rbrace') || this.at('eof')) return;
    const token = this.peek();
    if (token.kind !== 'bad')
      this.error(token.span, `unexpected ${describeToken(token)} — a statement ends at the end of the line or at ';'`);
    this.skipStatement();
  }

  /** Skips to the end of the current statement (a newline, `;`, `}` or the end of file). */
  private skipStatement(): void {
    while (!this.atStatementEnd()) this.pos++;
    if (this.at('newline') || this.at('semi')) this.pos++;
  }

  /** At the top level, skips junk up to the next line that starts a declaration. */
  private skipTopLevelJunk(): void {
    this.pos++;
    for (;;) {
      while (!this.at('newline') && !this.at('eof')) this.pos++;
      if (this.at('eof')) return;
      this.pos++;
      if (this.isIdent('model') || this.isIdent('train') || this.at('eof')) return;
    }
  }

  private atStatementEnd(): boolean {
    const kind = this.peek().kind;
    return kind === 'newline' || kind === 'semi' || kind === 'rbrace' || kind === 'eof';
  }

  /* ---------- Token helpers ---------- */

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private peekAt(offset: number): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private at(kind: TokenKind): boolean {
    return this.tokens[this.pos].kind === kind;
  }

  private isIdent(text: string): boolean {
    const token = this.tokens[this.pos];
    return token.kind === 'ident' && token.text === text;
  }

  private next(): Token {
    const token = this.tokens[this.pos];
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  private ident(): Ident {
    const token = this.next();
    return { text: token.text, span: token.span };
  }

  /** Where an error about the current token goes: the token, or just after the previous one at a line end. */
  private here(): Span {
    const token = this.peek();
    if (token.kind === 'newline' || token.kind === 'eof') return { start: this.previousEnd(), end: this.previousEnd() };
    return token.span;
  }

  private previousEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1].span.end : 0;
  }

  private error(span: Span, message: string): void {
    this.errors.push({ code: 'syntax', message, span: { start: span.start, end: span.end } });
  }
}
