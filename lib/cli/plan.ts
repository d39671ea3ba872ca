/**
 * `alvh plan --chain <file> [--vix <file>] [--vix-chain <file>] [--history <file.csv>]
 *  [--settings <file.json>] [--events <file.json>] [--held <file.json>] [--now <iso>]`
 * prints the Plan JSON, plus `orders` (lib/engine/plan/order-line.ts: the thinkorswim order line
 * and OCC legs of the suggested condor and hedge). Chain and VIX files: any saved page, CSV or snapshot JSON that
 * `alvh read` accepts.
 *
 * History CSV (--history), one row per session, a header row naming the columns (any order,
 * case-insensitive; extra columns ignored):
 *   date             YYYY-MM-DD, required
 *   spx_close        SPX close in index points, required
 *   advances         NYSE advancing issues (optional; empty = not recorded)
 *   declines         NYSE declining issues (optional)
 *   vix_close        VIX close, points (optional; joins the VIX percentile norms)
 *   vx_front_spread  VIX futures (F2 − F1)/F1 that day, fraction (optional; joins the contango norms)
 * Rows are sorted by date; a repeated date keeps its last row.
 * Settings (--settings): a JSON object merged over the defaults section by section, then
 * validated. Events (--events): {events:[{date,kind,label,source}], coveredThrough:{FOMC,CPI,PPI}}
 * replacing the built-in calendar. Held (--held): {expiry,longPut,shortPut,shortCall,longCall,credit,contracts}.
 */
import Papa from 'papaparse';
import { builtinCalendar } from '../engine/events/builtin-calendar';
import { planOrders } from '../engine/plan/order-line';
import { plan } from '../engine/plan/plan';
import type { Settings } from '../engine/settings-types';
import type { DailyRecord } from '../engine/signals/history-types';
import type { ChainSnapshot, Snapshot, VixCurveSnapshot } from '../engine/snapshot-types';
import { dailyRecordSchema, eventCalendarSchema, heldCondorSchema } from '../schema/plan';
import { DEFAULT_SETTINGS } from '../schema/settings';
import { CliError, type Command, parseArgs } from './command';
import { mergeSettings, parseJsonFile, readJsonObject, readText } from './input-files';
import { loadSnapshots } from './load-snapshot';

const FLAGS = ['chain', 'vix', 'vix-chain', 'history', 'settings', 'events', 'held', 'now'] as const;

export const command: Command = {
  help: [
    'alvh plan --chain <file> [--vix <file>] [--vix-chain <file>] [--history <file.csv>]',
    '          [--settings <file.json>] [--events <file.json>] [--held <file.json>] [--now <iso-instant>]',
    '  Runs the ALVH engine and prints the Plan JSON. Files: saved page, CSV or snapshot JSON.',
    '  History CSV columns: date, spx_close, advances, declines[, vix_close, vx_front_spread].',
    '  Without --now the current time is used. Information, not advice.',
  ].join('\n'),
  run: async (args, io) => {
    const { flags, positionals } = parseArgs(args, FLAGS);
    if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
    if (!flags.chain) throw new CliError('--chain <file> is required');
    const now = flags.now ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(now))) throw new CliError('--now must be an ISO instant');
    const chain = pick(await loadSnapshots(flags.chain, { now }), 'option-chain', flags.chain);
    const vixCurve = flags.vix ? pick(await loadSnapshots(flags.vix, { now }), 'vix-curve', flags.vix) : null;
    const vixChain = flags['vix-chain']
      ? pick(await loadSnapshots(flags['vix-chain'], { now }), 'option-chain', flags['vix-chain'])
      : null;
    const result = plan(
      {
        chain,
        vixCurve,
        vixChain,
        history: flags.history ? readHistory(flags.history) : [],
        calendar: flags.events ? parseJsonFile(flags.events, eventCalendarSchema) : builtinCalendar(),
        held: flags.held ? parseJsonFile(flags.held, heldCondorSchema) : null,
      },
      flags.settings ? readSettings(flags.settings) : DEFAULT_SETTINGS,
      now,
    );
    // The orders a trader pastes (thinkorswim line, OCC legs), the same the side panel copies.
    io.stdout(`${JSON.stringify({ ...result, orders: planOrders(result) }, null, 2)}\n`);
  },
};

function pick(snaps: Snapshot[], kind: 'option-chain', file: string): ChainSnapshot;
function pick(snaps: Snapshot[], kind: 'vix-curve', file: string): VixCurveSnapshot;
function pick(snaps: Snapshot[], kind: Snapshot['kind'], file: string): Snapshot {
  const s = snaps.find((x) => x.kind === kind);
  if (!s)
    throw new CliError(`${file} holds no ${kind === 'vix-curve' ? 'VIX futures curve' : 'option chain'}`);
  return s;
}

/** Settings file merged over the defaults section by section, then validated. */
function readSettings(path: string): Settings {
  return mergeSettings(path, readJsonObject(path));
}

const optionalNumber = (v: string | undefined): number | null =>
  v === undefined || v.trim() === '' ? null : Number(v);

/** Parses the history CSV (format in the module comment); CliError names the bad line. */
export function parseHistoryCsv(text: string, name = 'history'): DailyRecord[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  for (const need of ['date', 'spx_close'])
    if (!fields.includes(need))
      throw new CliError(`${name}: missing column "${need}" (have: ${fields.join(', ')})`);
  const byDate = new Map<string, DailyRecord>();
  parsed.data.forEach((row, i) => {
    const r = dailyRecordSchema.safeParse({
      date: row.date?.trim(),
      spxClose: Number(row.spx_close),
      advances: optionalNumber(row.advances),
      declines: optionalNumber(row.declines),
      vixClose: optionalNumber(row.vix_close),
      vxFrontSpread: optionalNumber(row.vx_front_spread),
    });
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new CliError(`${name} line ${i + 2}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    byDate.set(r.data.date, r.data);
  });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function readHistory(path: string): DailyRecord[] {
  return parseHistoryCsv(readText(path), path);
}
