// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '../../../entrypoints/options/App';
import { App as PanelApp } from '../../../entrypoints/sidepanel/App';
import { importedChainItem, tabStateItem } from '../../../lib/storage';
import { loadTabState } from '../fixtures';

const SETTLEMENTS = resolve(
  __dirname,
  '../../../../shared/data/cboe-vix-futures-settlement-2023-12-15/FuturesSettlements_2023-12-15.csv',
);
const QUOTEDATA = readFileSync(resolve(__dirname, '../../fixtures/readers/csv/quotedata-spx.csv'), 'utf8');

beforeEach(() => {
  fakeBrowser.reset();
  // The options page asks whether local pages are granted (lib/stores/local-pages-store.ts).
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false);
  window.history.replaceState({}, '', '/options.html?tabId=7');
});
afterEach(cleanup);

async function chooseFile(name: string, text: string) {
  const input = (await screen.findByTestId('chain-import')).querySelector(
    'input[type="file"]',
  ) as HTMLInputElement;
  const file = new File([text], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  // A real 'change' event: @testing-library/preact's fireEvent.change dispatches 'input'.
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('options page chain import', () => {
  it('reads a Cboe quotedata file, shows what it holds, and keeps it for the side panel', async () => {
    render(<OptionsApp />);
    await chooseFile('spx_quotedata.csv', QUOTEDATA);
    // quotedata-spx.csv: SPX at 6,021.35, expiries from Thu Dec 17 2026 (the file's first rows).
    const preview = await screen.findByTestId('chain-import-preview');
    expect(preview.textContent).toContain('spx_quotedata.csv: SPX at 6,021.35');
    expect(preview.textContent).toContain('(2026-12-17');
    fireEvent.click(screen.getByRole('button', { name: 'Plan on this chain' }));
    await waitFor(() =>
      expect(screen.getByTestId('chain-import-message').textContent).toContain('Kept spx_quotedata.csv'),
    );
    expect((await importedChainItem.get())?.chain.underlying.symbol).toBe('SPX');
  });

  it('says in words why a file is not a chain', async () => {
    render(<OptionsApp />);
    await chooseFile('statement.xml', '<?xml version="1.0"?><OFX></OFX>');
    const message = await screen.findByTestId('chain-import-message');
    expect(message.textContent).toMatch(/^Not imported: /);
    expect(message.textContent).not.toMatch(/expected|invalid_type|too_big/);
  });

  it('the side panel of a tab without a chain plans on the imported chain and says so', async () => {
    render(<OptionsApp />);
    await chooseFile('spx_quotedata.csv', QUOTEDATA);
    fireEvent.click(await screen.findByRole('button', { name: 'Plan on this chain' }));
    await waitFor(async () => expect(await importedChainItem.get()).not.toBeNull());
    cleanup();
    await tabStateItem(7).set({ ...loadTabState(), chain: null, plan: null, status: { state: 'idle' } });
    window.history.replaceState({}, '', '/sidepanel.html?tabId=7');
    render(<PanelApp />);
    expect((await screen.findByTestId('imported-chain')).textContent).toContain('spx_quotedata.csv');
    expect((await screen.findByTestId('condor-card')).textContent).toContain('Layer 1');
  });

  it.skipIf(!existsSync(SETTLEMENTS))(
    "keeps the monthly VX of Cboe's settlement CSV and counts the other products it skips",
    async () => {
      render(<OptionsApp />);
      await chooseFile('FuturesSettlements_2023-12-15.csv', readFileSync(SETTLEMENTS, 'utf8'));
      // By eye from the file: VX monthlies Z3 F4 G4 H4 J4 K4 M4 N4 Q4 (9); weeklies VX52/VX01/VX02/VX04/VX05;
      // VXM 6, IBHY 4, IBIG 4, AMB1 7, AMT1 8, AMT3 3.
      const preview = await screen.findByTestId('curve-import-preview');
      expect(preview.textContent).toContain('9 monthly VX kept (2023-12-20 to 2024-08-21)');
      expect(preview.textContent).toContain(
        'other products skipped: weekly VX 5, VXM 6, IBHY 4, IBIG 4, AMB1 7, AMT1 8, AMT3 3',
      );
      expect(preview.textContent).not.toMatch(/Too big|expected array/);
    },
  );
});
