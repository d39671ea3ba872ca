/**
 * `alvh read <file> [--url <page-url>] [--now <iso>]`: prints the snapshots read from a saved
 * page, an export/download or saved JSON as a JSON array (the same reading as the options
 * page's import). A file with no chain exits 2 saying what the file holds.
 */
import { CliError, type Command, parseArgs } from './command';
import { loadSnapshots } from './load-snapshot';

export const command: Command = {
  help: [
    'alvh read <file> [--url <page-url>] [--now <iso-instant>]',
    '  Reads an option chain and/or VIX curve from a saved page (HTML), an export or download',
    '  (thinkorswim desktop, Fidelity ATP, Cboe quotedata, VIX settlements, chain CSV) or saved',
    '  JSON (Schwab/TD chains, Yahoo v7 options, Cboe delayed quotes, a snapshot) and prints the',
    '  snapshots as JSON. What the file is comes from its content, not its name. --url names the',
    '  page the file was saved from (picks the site reader).',
    '  Exit 2 with what the file holds on stderr when it has no chain.',
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
