// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelView } from '../../../components/panel/PanelView';
import { layer1Missing, planProblems } from '../../../components/plan/plain-reasons';
import type { ChainSnapshot } from '../../../lib/engine/snapshot-types';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { loadPlan, loadTabState } from '../fixtures';

afterEach(cleanup);

// tab-state.json: SPXW 2026-12-31 (35 days after the 2026-11-26 quotes), calls and puts.
const base = (): ChainSnapshot => {
  const chain = loadTabState().chain;
  if (!chain) throw new Error('fixture without a chain');
  return chain;
};
const sameDay = Date.parse('2026-11-26T18:00:00Z');

describe('layer1Missing (why Layer 1 is off, in the trader’s terms)', () => {
  it('says nothing when the page has both sides, an expiry in the window and today’s quotes', () => {
    expect(layer1Missing(base(), DEFAULT_SETTINGS, sameDay)).toEqual([]);
  });

  it('names a page that shows only puts', () => {
    const chain = base();
    for (const e of chain.expiries) for (const r of e.rows) r.call = null;
    expect(layer1Missing(chain, DEFAULT_SETTINGS, sameDay)).toEqual([
      'this page shows only puts — show the calls too (a calls-and-puts view)',
    ]);
  });

  it('says no expiry 21–45 days out is on the page, and which ones are', () => {
    const chain = base();
    const [first] = chain.expiries;
    if (!first) throw new Error('fixture without an expiry');
    chain.expiries = [
      { ...first, expiry: '2026-12-04' },
      { ...first, expiry: '2027-01-29' },
    ];
    expect(layer1Missing(chain, DEFAULT_SETTINGS, sameDay)).toEqual([
      'no expiry 21–45 days out on this page — open one; it shows 2026-12-04 (8 days), 2027-01-29 (64 days)',
    ]);
  });

  it('says the quotes are from another day (New York date: 23:30 ET is still the 25th)', () => {
    const chain = { ...base(), quoteTime: '2024-07-26T03:30:00Z' };
    expect(layer1Missing(chain, DEFAULT_SETTINGS, sameDay)).toContain('these quotes are from 2024-07-25');
  });
});

describe('problems that change the plan', () => {
  it('come first in the side panel, above the source card', () => {
    const plan = loadPlan('no-vix-curve');
    plan.banners = ['Not SPX: the chain is for QQQ.'];
    const chain = { ...base(), quoteTime: '2024-07-25T19:59:00Z' };
    expect(planProblems(plan, chain, sameDay).slice(0, 2)).toEqual([
      'Not SPX: the chain is for QQQ.',
      'These quotes are from 2024-07-25: every figure is priced at that time, not now.',
    ]);
    render(
      <PanelView
        loaded
        tab={{ ...loadTabState(), chain }}
        plan={plan}
        planInvalid={null}
        settings={DEFAULT_SETTINGS}
        nowMs={sameDay}
        lastReply={null}
        onSetVixCurve={() => {}}
        onClearVixCurve={() => {}}
      />,
    );
    const problems = screen.getByTestId('plan-problems');
    const source = screen.getByRole('heading', { name: /Source/ });
    expect(problems.compareDocumentPosition(source) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(problems.textContent).toContain('These quotes are from 2024-07-25');
  });
});

describe('planProblems: quotes left out', () => {
  it('counts SPX legs left out and VIX calls the hedge would not buy each in its own words', () => {
    const plan = loadPlan('no-vix-curve');
    const left = (root: string, strike: number) => ({
      expiry: '2026-12-31',
      root,
      strike,
      side: 'call' as const,
      reason: 'zero-bid' as const,
      detail: 'bid 0',
    });
    plan.quotesLeftOut = [left('SPXW', 6100), left('SPXW', 6110), left('VIX', 30)];
    const problems = planProblems(plan, base(), sameDay);
    expect(problems).toContain(
      '2 quotes near the money never become legs (zero bid, crossed, too wide or off parity): the suggestion avoids those strikes.',
    );
    expect(problems).toContain(
      '1 VIX call quote not bought for the hedge (zero bid, crossed or too wide): the hedge uses other strikes.',
    );
  });
});
