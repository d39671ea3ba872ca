/**
 * `alvh read <file.html|.csv|.json> [--url <page-url>] [--now <iso>]`: prints the snapshots
 * read from a saved page, CSV export or JSON as a JSON array. A file with no chain exits 2.
 */
import { CliError, type Command, parseArgs } from './command';
import { loadSnapshots } from './load-snapshot';

export const command: Command = {
  help: [
    'alvh read <file.html|.htm|.csv|.dat|.json> [--url <page-url>] [--now <iso-instant>]',
    '  Reads an option chain and/or VIX curve from a saved page or export and prints the',
    '  snapshots as JSON. --url names the page the file was saved from (picks the site reader).',
    '  Exit 2 with the reason on stderr when the file holds no chain.',
  ].join('\n'),
  run: async (args, io) => {
    const { flags, positionals } = parseArgs(args, ['url', 'now']);
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0)
      throw new CliError('expected exactly one file: alvh read <file> [--url <page-url>]');
    if (flags.now !== undefined && Number.isNaN(Date.parse(flags.now)))
      throw new CliError('--now must be an ISO instant');
    const snapshots = await loadSnapshots(file, { url: flags.url, now: flags.now });
    io.stdout(`${JSON.stringify(snapshots, null, 2)}\n`);
  },
};
