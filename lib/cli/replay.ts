/**
 * `alvh replay --spx <GSPC.csv> --vix <VIX_History.csv> --vx <vx_futures.csv> --vvix <VVIX_History.csv>
 *  [--events <file.json>] [--settings <file.json>] [--real-chain <file>[,<file>…]] --from <date> --to <date>`
 * replays the ALVH plan week by week over history (lib/replay) and prints the report JSON:
 * variants { condorOnly, condorHedge, allLayers } with total P/L, max drawdown, worst week and
 * weekly equity; stress episodes; the skew fit's error per real chain; the plan on each real
 * chain against the synthetic one (with --real-chain, read by the CSV reader); the trade log.
 * Settings (--settings): plan settings sections merged over the defaults, plus an optional
 * `replay` section { slippagePointsPerLeg, commissionUsdPerContract, quoteHalfSpreadPoints }.
 * Deterministic; the elapsed time goes to stderr only.
 */
import * as z from 'zod';
import type { Settings } from '../engine/settings-types';
import type { ChainSnapshot } from '../engine/snapshot-types';
import { readCsv } from '../readers/csv';
import { replayReport } from '../replay/report';
import { DEFAULT_REPLAY_SETTINGS, type ReplaySettings } from '../replay/types';
import { eventCalendarSchema } from '../schema/plan';
import { DEFAULT_SETTINGS } from '../schema/settings';
import { CliError, type Command, parseArgs } from './command';
import { mergeSettings, parseJsonFile, readJsonObject, readText, validate } from './input-files';

const FLAGS = ['spx', 'vix', 'vx', 'vvix', 'events', 'settings', 'real-chain', 'from', 'to'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const replaySettingsSchema = z
  .object({
    slippagePointsPerLeg: z.number().min(0).max(50),
    commissionUsdPerContract: z.number().min(0).max(100),
    quoteHalfSpreadPoints: z.number().min(0).max(50),
  })
  .strict();

export const command: Command = {
  help: [
    'alvh replay --spx <GSPC.csv> --vix <VIX_History.csv> --vx <vx_futures.csv> --vvix <VVIX_History.csv>',
    '            [--events <file.json>] [--settings <file.json>] [--real-chain <file>[,<file>…]]',
    '            --from <YYYY-MM-DD> --to <YYYY-MM-DD>',
    '  Replays the ALVH plan each Friday on model prices from VIX and VVIX (not historical quotes);',
    '  positions held to expiry (no rolls). Prints JSON; elapsed time on stderr. Information, not advice.',
  ].join('\n'),
  run: async (args, io) => {
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const { flags, positionals } = parseArgs(args, FLAGS);
    if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
    for (const need of ['spx', 'vix', 'vx', 'vvix', 'from', 'to'] as const)
      if (!flags[need]) throw new CliError(`--${need} is required`);
    const from = flags.from as string;
    const to = flags.to as string;
    if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || from > to)
      throw new CliError('--from and --to must be YYYY-MM-DD dates, from ≤ to');
    const { settings, replay } = flags.settings
      ? readSettings(flags.settings)
      : { settings: DEFAULT_SETTINGS, replay: DEFAULT_REPLAY_SETTINGS };
    const calendar = flags.events ? parseJsonFile(flags.events, eventCalendarSchema) : null;
    const realChains = (flags['real-chain']?.split(',') ?? []).filter(Boolean).map(readChain);
    let report: ReturnType<typeof replayReport>;
    try {
      report = replayReport({
        texts: {
          spx: readText(flags.spx as string),
          vix: readText(flags.vix as string),
          vx: readText(flags.vx as string),
          vvix: readText(flags.vvix as string),
        },
        from,
        to,
        settings,
        replay,
        calendar,
        realChains,
      });
    } catch (err) {
      // The history parsers throw on a file without the columns they need, or one too large.
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    io.stdout(`${JSON.stringify(report, null, 1)}\n`);
    process.stderr.write(
      `alvh replay: ${report.variants.allLayers.weeks} weeks, ${report.trades.length} trades in ${((performance.now() - started) / 1000).toFixed(2)} s (${cpuSeconds(cpu0).toFixed(2)} s CPU)\n`,
    );
  },
};

/** CPU seconds (user + system) this process used since `from`: on a shared machine, beside the wall time. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/** Plan settings merged over the defaults section by section; `replay` merged over its defaults. */
function readSettings(path: string): { settings: Settings; replay: ReplaySettings } {
  const { replay: replayPart, ...planPart } = readJsonObject(path);
  const replayRaw =
    replayPart && typeof replayPart === 'object'
      ? { ...DEFAULT_REPLAY_SETTINGS, ...replayPart }
      : DEFAULT_REPLAY_SETTINGS;
  return {
    settings: mergeSettings(path, planPart),
    replay: validate(`${path} replay`, replaySettingsSchema, replayRaw),
  };
}

/** A real SPX chain (Cboe quotedata CSV or any chain CSV) read with the project's CSV reader. */
function readChain(path: string): { name: string; chain: ChainSnapshot } {
  const r = readCsv(readText(path), { url: path, now: new Date(0).toISOString() });
  if (!r.ok) throw new CliError(`${path}: ${r.failure.detail}`);
  const chain = r.snapshots.find((s): s is ChainSnapshot => s.kind === 'option-chain');
  if (!chain) throw new CliError(`${path} holds no option chain`);
  if (!chain.quoteTime) throw new CliError(`${path}: no quote time in the file, so its session is unknown`);
  return { name: path.split('/').slice(-2).join('/'), chain };
}
