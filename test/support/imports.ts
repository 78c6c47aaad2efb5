/**
 * Every import of the project's TypeScript sources, read with the TypeScript compiler's parser: import and
 * export declarations (including `import type`), `import x = require()`, dynamic `import()`, `require()`
 * calls and `import('x').T` type references. The architecture test checks the layering on this list.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** The importing file, relative to the repository root, with `/` separators. */
  from: string;
  /** The module specifier as written. */
  specifier: string;
  /** The project file a relative specifier resolves to (relative to the root); absent for packages. */
  target?: string;
  /** The package a bare specifier names (`@scope/name` or `name`); absent for relative specifiers. */
  packageName?: string;
  /** True for a Node built-in (`node:fs`, or a bare `fs`). */
  builtin: boolean;
  /** True when the import is erased by the compiler (`import type`, all specifiers `type`, `import('x').T`). */
  typeOnly: boolean;
  line: number;
}

/** The `.ts` files under the given folders (relative to root), sorted. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) visit(folder);
  return files.sort();
}

/** The imports of one file (relative to root). */
export function importsOf(root: string, file: string): Import[] {
  return importsIn(root, file, readFileSync(join(root, file), 'utf8'));
}

/**
 * The imports of a text, as if it were the file `file` (relative to root; relative specifiers resolve from it).
 * `isFile` says whether a path relative to root is a file (the file system by default).
 */
export function importsIn(root: string, file: string, text: string, isFile = fileExists(root)): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Import[] = [];
  const add = (specifier: ts.Node, typeOnly: boolean): void => {
    if (!ts.isStringLiteralLike(specifier)) return;
    const line = source.getLineAndCharacterOfPosition(specifier.getStart(source)).line + 1;
    found.push(describe(isFile, file, specifier.text, typeOnly, line));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, importIsTypeOnly(node.importClause));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, exportIsTypeOnly(node));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && isImportOrRequire(node) && node.arguments.length > 0) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x'` runs the module.
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

function isImportOrRequire(call: ts.CallExpression): boolean {
  return (
    call.expression.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isIdentifier(call.expression) && call.expression.text === 'require')
  );
}

function describe(isFile: IsFile, from: string, specifier: string, typeOnly: boolean, line: number): Import {
  if (specifier.startsWith('.')) {
    return { from, specifier, target: resolveRelative(isFile, from, specifier), builtin: false, typeOnly, line };
  }
  const builtin = specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
  const parts = specifier.split('/');
  const packageName = builtin ? undefined : specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return { from, specifier, packageName, builtin, typeOnly, line };
}

/** Resolves like the bundler does: the exact file, then `.ts`, then `/index.ts`. */
function resolveRelative(isFile: IsFile, from: string, specifier: string): string | undefined {
  const base = posix.join(posix.dirname(from), specifier);
  return [base, `${base}.ts`, posix.join(base, 'index.ts')].find(isFile);
}

type IsFile = (path: string) => boolean;

function fileExists(root: string): IsFile {
  return (path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile();
}
