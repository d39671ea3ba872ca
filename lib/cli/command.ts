/** Contract every `alvh` subcommand implements. */
export interface CommandIo {
  stdout: (text: string) => void;
}

export interface Command {
  /** Shown by `alvh <name> --help`. */
  help: string;
  /** Throws CliError for bad input (exit 2, one line on stderr). */
  run: (args: string[], io: CommandIo) => Promise<void>;
}

/** Bad input from the user: reported as one line on stderr with exit code 2. */
export class CliError extends Error {}

/** Parses `--name value` flags and positionals; unknown flags are a CliError. */
export function parseArgs(
  args: string[],
  known: readonly string[],
): { flags: Record<string, string>; positionals: string[] } {
  const flags: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (!known.includes(name)) throw new CliError(`unknown option --${name}`);
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliError(`--${name} needs a value`);
      flags[name] = value;
      i++;
    } else positionals.push(a);
  }
  return { flags, positionals };
}
