// A service's command line: node:util's parseArgs, with the mistakes a person makes turned into
// one line each instead of a stack trace.
import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';

/**
 * parseArgs refuses a value that looks like an option (`--seed -1`) as ambiguous, with a stack
 * trace. Our value options take numbers, names, paths and URLs, so what follows one is its value,
 * passed as `--seed=-1`, for the service to refuse with a message that says what is wrong with it.
 */
function joinValues(args: readonly string[], options: ParseArgsOptionsConfig): string[] {
  const takesValue = (arg: string) => arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (takesValue(arg) && next !== undefined) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else joined.push(arg);
  }
  return joined;
}

/** The option values, or the one-line message parseArgs gave (an unknown option, a missing value). */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(argv: readonly string[], options: O) {
  try {
    return { ok: true as const, values: parseArgs({ args: joinValues(argv, options), options }).values };
  } catch (error) {
    return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Ends the process with one line on stderr, `name: message`; 2 is for a bad command line. */
export function exitWithError(name: string, message: string, code = 2): never {
  console.error(`${name}: ${message}`);
  process.exit(code);
}
