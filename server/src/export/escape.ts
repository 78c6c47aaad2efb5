/**
 * The only way outside text (file, model and layer names, paths, catalog texts) enters generated code: one
 * function per kind of target. Whatever the input, the result cannot end the string or comment it sits in.
 *
 * Unsafe characters are written as escapes rather than dropped: controls (newlines included), format
 * characters (bidirectional overrides, the byte order mark), the line and paragraph separators, private-use
 * and unassigned code points, and lone surrogates (which have no UTF-8 form).
 */

const UNSAFE = /[\p{C}\p{Zl}\p{Zp}]/gu;
const PYTHON_STRING_UNSAFE = /[\\"\p{C}\p{Zl}\p{Zp}]/gu;
const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\xHH`, `\uHHHH` or `\UHHHHHHHH`: the escape both Python and readers of ONNX files understand. */
function codePointEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).padStart(code <= 0xff ? 2 : code <= 0xffff ? 4 : 8, '0');
  return code <= 0xff ? `\\x${hex}` : code <= 0xffff ? `\\u${hex}` : `\\U${hex}`;
}

/** Replaces each unsafe character by its escape, so the text is one line of well-formed, visible Unicode. */
function visible(text: string): string {
  return text.replace(UNSAFE, codePointEscape);
}

/**
 * A double-quoted Python string literal that reads back as exactly `text`, whatever it holds (quotes,
 * backslashes, newlines, `"""`, lone surrogates). It is one line of well-formed UTF-8 without controls.
 */
export function pythonString(text: string): string {
  return `"${text.replace(PYTHON_STRING_UNSAFE, (char) => NAMED_ESCAPES[char] ?? codePointEscape(char))}"`;
}

/**
 * A whole Python comment line, `# text`: unsafe characters are escaped, so no line break can end the
 * comment early. Generated modules start with a fixed docstring, so a comment never lands on line 1 or 2,
 * where Python would read `coding: …` as the file's encoding.
 */
export function pythonComment(text: string): string {
  return text === '' ? '#' : `# ${visible(text)}`;
}

/**
 * A string for an ONNX model (a name, a metadata value, one line of a doc string): protobuf strings must be
 * valid UTF-8, and no control character should reach the tools that display them.
 */
export function onnxString(text: string): string {
  return visible(text);
}

/** An ONNX doc string from lines of text: each line made safe with `onnxString`, joined by line breaks. */
export function onnxDocString(lines: readonly string[]): string {
  return lines.map(onnxString).join('\n');
}
