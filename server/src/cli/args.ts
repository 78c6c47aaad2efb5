/** The arguments of one `nn` command, parsed by Node's `util.parseArgs` in strict mode. */
import { parseArgs } from 'node:util';

/** A flag of a command, as `util.parseArgs` declares it. */
export interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  /** For a string flag: the usage error after the flag's name when its value is missing, e.g. 'needs a path'. */
  missing?: string;
}

export type Flags = Record<string, Flag>;

/** What the command line gave: flag values by name (the last one wins), positionals, and flag names in order. */
export interface GivenArgs<F extends Flags> {
  values: { [K in keyof F]?: F[K]['type'] extends 'string' ? string : boolean };
  positionals: string[];
  /** The names of the flags in the order they were given, for commands where the last of two flags wins. */
  order: string[];
}

/** How a command reads its arguments: `read` turns them into the command's own shape, or a usage error. */
export interface ArgsSpec<F extends Flags, T> {
  name: string;
  usage: string;
  flags: F;
  read(given: GivenArgs<F>): T | string;
}

/**
 * Parses a command's arguments. A parse error or a message from `read` is printed as the command's usage error
 * (`nn NAME: MESSAGE` and the usage line); the result is then undefined and the command exits with code 2.
 */
export function parseCommandArgs<F extends Flags, T>(args: string[], spec: ArgsSpec<F, T>): T | undefined {
  const message = readArgs(args, spec);
  if (typeof message !== 'string') return message.value;
  console.error(`nn ${spec.name}: ${message}\nUsage: ${spec.usage}`);
  return undefined;
}

function readArgs<F extends Flags, T>(args: string[], spec: ArgsSpec<F, T>): { value: T } | string {
  const options = nodeOptions(spec.flags);
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    if (!isParseError(error)) throw error;
    return explainError(args, spec.flags) ?? error.message;
  }
  const flagTokens = parsed.tokens.filter((t) => t.kind === 'option');
  // An empty value (`--out=`) counts as a missing one, as the hand-written parsers had it.
  const empty = flagTokens.find((t) => t.value === '');
  if (empty) return `${empty.rawName} ${spec.flags[empty.name].missing ?? 'needs a value'}`;
  // parseArgs reads `-o=x` as the value '=x'; the short form takes its value after a space (`-o x`).
  const shortEquals = flagTokens.find((t) => t.inlineValue && !t.rawName.startsWith('--') && t.value?.startsWith('='));
  if (shortEquals) return `unknown option '${args[shortEquals.index]}'`;
  const result = spec.read({
    values: parsed.values as GivenArgs<F>['values'],
    positionals: parsed.positionals,
    order: flagTokens.map((t) => t.name),
  });
  return typeof result === 'string' ? result : { value: result };
}

/** The flags without our own fields, as `util.parseArgs` takes them. */
function nodeOptions(flags: Flags): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [name, f.short ? { type: f.type, short: f.short } : { type: f.type }]),
  );
}

function isParseError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

/**
 * Our wording for the first argument strict parsing refused, found again by a lenient parse. Unknown flags and
 * values given to switches keep the old `unknown option 'ARG'`; a value that looks like a flag is refused.
 */
function explainError(args: string[], flags: Flags): string | undefined {
  const { tokens } = parseArgs({
    args,
    options: nodeOptions(flags),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const flag = Object.hasOwn(flags, token.name) ? flags[token.name] : undefined;
    if (!flag || (flag.type === 'boolean' && token.value !== undefined)) return `unknown option '${args[token.index]}'`;
    if (flag.type === 'boolean') continue;
    const missing = `${token.rawName} ${flag.missing ?? 'needs a value'}`;
    if (token.value === undefined) return missing;
    if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
      // A value such as `--model --json` means the value was forgotten; `--seed -1` needs `--seed=-1`.
      const looksLikeFlag = names(flags).includes(token.value.split('=')[0]);
      return looksLikeFlag
        ? missing
        : `'${token.value}' after ${token.rawName} looks like an option; write --${token.name}=${token.value} if it is the value`;
    }
  }
  return undefined;
}

/** Every way to write the flags: `--name` and `-s`. */
function names(flags: Flags): string[] {
  return Object.entries(flags).flatMap(([name, f]) => (f.short ? [`--${name}`, `-${f.short}`] : [`--${name}`]));
}
