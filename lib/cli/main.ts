/**
 * `alvh` command line: `npm run --silent alvh -- <subcommand> [args]`.
 * JSON (or CSV for `iv`) on stdout; on bad input exit code 2 and one line on stderr.
 * Each subcommand lives in its own file and is registered here.
 */
import { CliError, type Command } from './command';

const COMMANDS: Record<string, () => Promise<Command>> = {
  // Subcommands register here, e.g.: iv: async () => (await import('./iv')).command,
  iv: async () => (await import('./iv')).command,
  read: async () => (await import('./read')).command,
  plan: async () => (await import('./plan')).command,
  replay: async () => (await import('./replay')).command,
};

function usage(): string {
  const names = Object.keys(COMMANDS).sort().join('|');
  return `usage: alvh <${names}> [args]   (alvh <subcommand> --help for each)`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`alvh: unknown subcommand "${name}". ${usage()}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    await command.run(rest, { stdout: (s) => process.stdout.write(s) });
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`alvh ${name}: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`alvh: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
