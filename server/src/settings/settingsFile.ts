/** Settings from a file shaped like VS Code's settings.json (`"nn.checks": {…}`, `"nn.lrLimit.sgd": 0.2`). */
import { readSettings, type NnSettings } from './nnSettings';

/** Reads the `nn.*` entries of a settings.json text; throws when the text is not JSON (comments and trailing commas allowed). */
export function readSettingsFile(text: string): NnSettings {
  const raw = JSON.parse(stripJsonComments(text)) as Record<string, unknown>;
  return readSettings(nnSection(raw));
}

/** The flat `nn.*` keys nested the way VS Code hands the section to the server: `nn.lrLimit.sgd` → `{ lrLimit: { sgd } }`. */
function nnSection(raw: Record<string, unknown>): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('nn.')) continue;
    const parts = key.slice(3).split('.');
    let target = section;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      target = (next && typeof next === 'object' ? next : (target[part] = {})) as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return section;
}

/** settings.json allows comments and trailing commas; JSON.parse does not. Strings are left alone. */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const match = end.exec(text);
      const literal = match ? match[0] : text.slice(i);
      out += literal;
      i += literal.length - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
