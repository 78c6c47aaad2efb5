/** Selection ranges (expand/shrink selection): word → argument → call → statement → block → file. */
import type { Analysis } from '../analysis';
import type { Call, ModelStmt, TrainStmt } from '../syntax/ast';
import { contains, type Span } from '../syntax/span';
import { declarationAt, occurrenceAt } from './locate';

function callOf(stmt: ModelStmt | TrainStmt): Call | undefined {
  if (stmt.kind === 'dense') return stmt.activation;
  return 'call' in stmt ? stmt.call : undefined;
}

/** The spans that hold `offset`, innermost first, each strictly larger than the one before. */
export function selectionRangesAt(analysis: Analysis, offset: number): Span[] {
  const spans: Span[] = [];
  const comment = analysis.file.comments.find((c) => contains(c.span, offset));
  if (comment) {
    spans.push(comment.span);
  } else {
    const occurrence = occurrenceAt(analysis, offset);
    if (occurrence) spans.push(occurrence.span);
    const decl = declarationAt(analysis, offset);
    if (decl) {
      const stmt = (decl.body as (ModelStmt | TrainStmt)[]).find((s) => contains(s.span, offset));
      if (stmt) {
        const call = callOf(stmt);
        if (call && contains(call.span, offset)) {
          const arg = call.args.find((a) => contains(a.span, offset));
          if (arg) spans.push(arg.span);
          if (call.parens?.close && offset > call.parens.open.start && offset < call.parens.close.end) {
            spans.push({ start: call.parens.open.end, end: call.parens.close.start });
          }
          spans.push(call.span);
        }
        spans.push(stmt.span);
      }
      if (decl.open && decl.close && offset >= decl.open.end && offset <= decl.close.start) {
        spans.push({ start: decl.open.end, end: decl.close.start });
      }
      spans.push(decl.span);
    }
  }
  spans.push(analysis.file.span);
  // Keep a strictly growing chain: drop spans that do not contain the previous one or add nothing.
  const chain: Span[] = [];
  for (const span of spans) {
    const previous = chain[chain.length - 1];
    if (
      previous &&
      (span.start > previous.start ||
        span.end < previous.end ||
        (span.start === previous.start && span.end === previous.end))
    )
      continue;
    chain.push(span);
  }
  return chain;
}
