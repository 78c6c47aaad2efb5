/** Folding ranges: blocks, runs of comment lines, and `# region` … `# endregion` markers. */
import type { Analysis } from '../analysis';

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

const REGION_START = /^\s*region\b/;
const REGION_END = /^\s*endregion\b/;

export function foldingRanges(analysis: Analysis): FoldRange[] {
  const { lines, file, text } = analysis;
  const ranges: FoldRange[] = [];
  const lineOf = (offset: number) => lines.positionAt(offset).line;

  for (const decl of file.declarations) {
    const start = lineOf(decl.span.start);
    // The closing brace stays visible; an unclosed block folds to its last statement.
    const end = decl.close ? lineOf(decl.close.start) - 1 : lineOf(decl.span.end);
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }

  const regions: number[] = [];
  let run: { start: number; end: number } | undefined;
  const closeRun = () => {
    if (run && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: 'comment' });
    run = undefined;
  };
  for (const comment of file.comments) {
    const line = lineOf(comment.span.start);
    if (REGION_START.test(comment.text)) {
      closeRun();
      regions.push(line);
      continue;
    }
    if (REGION_END.test(comment.text)) {
      closeRun();
      const start = regions.pop();
      if (start !== undefined && line > start) ranges.push({ startLine: start, endLine: line, kind: 'region' });
      continue;
    }
    const ownLine = text.slice(lines.lineStart(line), comment.span.start).trim() === '';
    if (!ownLine) {
      closeRun();
      continue;
    }
    if (run && line === run.end + 1) run.end = line;
    else {
      closeRun();
      run = { start: line, end: line };
    }
  }
  closeRun();
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
