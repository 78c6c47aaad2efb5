/** SARIF 2.1.0 output of `nn check --format sarif`, for code-scanning services. */
import { relative, sep } from 'node:path';
import type * as Sarif from 'sarif';
import type { Analysis } from '../analysis';
import { codeInfo } from '../explain/codes';
import type { Severity } from '../diagnostic';
import { uriOf } from '../documentUri';
import type { Span } from '../syntax/span';
import { lineColumn } from './load';

export interface CheckedFile {
  /** Absolute path. */
  path: string;
  analysis: Analysis;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};
const SROOT = 'SRCROOT';

function region(analysis: Analysis, span: Span): Sarif.Region {
  const start = lineColumn(analysis.lines, span.start);
  const end = lineColumn(analysis.lines, span.end);
  // SARIF lines and columns are 1-based; columns count UTF-16 code units, as LSP does.
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** A path under `root` as a relative URI against SRCROOT; any other path as an absolute file URI. */
function artifact(path: string, root: string): Sarif.ArtifactLocation {
  const rel = relative(root, path);
  if (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '') {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SROOT };
  }
  return { uri: uriOf(path) };
}

function rule(code: string): Sarif.ReportingDescriptor {
  const info = codeInfo(code);
  if (info?.kind === 'check' || info?.kind === 'training') {
    const { check } = info;
    return {
      id: code,
      name: check.title
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())
        .replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: check.title },
      fullDescription: { text: check.summary },
      help: { text: check.explanation, markdown: check.explanation },
      defaultConfiguration: { level: LEVEL[check.severity] },
    };
  }
  if (info?.kind === 'other') {
    const { doc } = info;
    const help = `${doc.description}\n\nHow to fix: ${doc.fix}`;
    return {
      id: code,
      shortDescription: { text: doc.title },
      fullDescription: { text: doc.description },
      help: { text: help, markdown: help },
      defaultConfiguration: { level: LEVEL[doc.severity] },
    };
  }
  return { id: code, shortDescription: { text: code }, defaultConfiguration: { level: LEVEL.error } };
}

/** One SARIF log with one run over every checked file. `root` is the directory relative URIs start from. */
export function toSarif(files: readonly CheckedFile[], root: string, version = '0.1.0'): Sarif.Log {
  const codes = [...new Set(files.flatMap((f) => f.analysis.diagnostics.map((d) => d.code)))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const results: Sarif.Result[] = files.flatMap(({ path, analysis }) =>
    analysis.diagnostics.map((d): Sarif.Result => {
      const location = artifact(path, root);
      return {
        ruleId: d.code,
        ruleIndex: index.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(analysis, d.span) } }],
        relatedLocations: d.related?.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: location, region: region(analysis, r.span) },
        })),
      };
    }),
  );
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: { name: 'nn', fullName: 'NN Studio', version, semanticVersion: version, rules: codes.map(rule) },
        },
        originalUriBaseIds: { [SROOT]: { uri: uriOf(root.endsWith(sep) ? root : root + sep) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
