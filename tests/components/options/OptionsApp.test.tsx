// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { App } from '../../../entrypoints/options/App';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { settingsItem, userEventsItem } from '../../../lib/storage';

beforeEach(() => {
  fakeBrowser.reset();
  // fake-browser has no permissions.contains; the local-pages switch asks it on load.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false);
});
afterEach(cleanup);

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('options App: settings form', () => {
  it('saves a valid limit to storage.sync as it is typed', async () => {
    render(<App />);
    await waitFor(() => expect(input('f-risk-maxLossPerTradeUsd').value).toBe('5000'));
    fireEvent.input(input('f-risk-maxLossPerTradeUsd'), { target: { value: '2500' } });
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Saved.'));
    expect((await settingsItem.get()).risk.maxLossPerTradeUsd).toBe(2500);
  });

  it('shows percent fields in percent and stores fractions', async () => {
    render(<App />);
    await waitFor(() => expect(input('f-risk-maxRiskFractionOfAccount').value).toBe('10'));
    fireEvent.input(input('f-risk-maxRiskFractionOfAccount'), { target: { value: '5' } });
    await waitFor(async () => expect((await settingsItem.get()).risk.maxRiskFractionOfAccount).toBe(0.05));
  });

  it.each([
    ['f-risk-maxLossPerTradeUsd', '-5', 'Max loss per trade must be above 0'],
    ['f-risk-maxContracts', '2.5', 'Whole contracts only'],
    ['f-risk-maxRiskFractionOfAccount', '150', 'At most 100 %'],
    ['f-condor-dteMax', '10', 'Max DTE must be ≥ min DTE'],
    ['f-data-staleAfterMinutes', 'abc', 'Enter a number'],
  ])('an invalid %s (%s) shows its field message and is not saved', async (id, value, message) => {
    render(<App />);
    await waitFor(() => expect(input(id).value).not.toBe(''));
    fireEvent.input(input(id), { target: { value } });
    await screen.findByText(message);
    expect(input(id).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('save-state').textContent).toContain('Not saved');
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('imports a valid settings file and rejects an invalid one without changing anything', async () => {
    const { container } = render(<App />);
    const file = container.querySelector('input[name="import-settings"]') as HTMLInputElement;
    const upload = (text: string) => {
      Object.defineProperty(file, 'files', { value: [new File([text], 's.json')], configurable: true });
      // A real 'change' event: @testing-library/preact's fireEvent.change dispatches 'input'.
      file.dispatchEvent(new Event('change', { bubbles: true }));
    };
    upload(JSON.stringify({ ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, maxContracts: 0 } }));
    expect((await screen.findByTestId('tools-message')).textContent).toContain(
      'risk.maxContracts: At least 1',
    );
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    upload(JSON.stringify({ ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, maxContracts: 3 } }));
    await waitFor(async () => expect((await settingsItem.get()).risk.maxContracts).toBe(3));
    fireEvent.click(screen.getByText('Reset to defaults'));
    await waitFor(async () => expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS));
  });

  it('tells the user when a corrupted stored value was replaced, keeping the raw value', async () => {
    await storage.setItem('sync:settings', { version: 1, risk: 'garbage' });
    render(<App />);
    const notice = await screen.findByTestId('backup-notice');
    expect(notice.textContent).toContain('Your stored settings could not be read');
    expect(notice.querySelector('pre')?.textContent).toContain('garbage');
    fireEvent.click(screen.getByText('Dismiss and delete the old value'));
    await waitFor(() => expect(screen.queryByTestId('backup-notice')).toBeNull());
  });
});

describe('options App: event calendar', () => {
  it('adds a user event, hides and restores a built-in one', async () => {
    const { container } = render(<App />);
    const set = (name: string, v: string) =>
      fireEvent.input(container.querySelector(`[name="${name}"]`) as HTMLInputElement, {
        target: { value: v },
      });
    set('event-date', '2026-12-11');
    fireEvent.input(container.querySelector('[name="event-kind"]') as HTMLSelectElement, {
      target: { value: 'PPI' },
    });
    set('event-label', 'PPI (November)');
    fireEvent.click(screen.getByText('Add'));
    await waitFor(async () =>
      expect((await userEventsItem.get()).added).toEqual([
        { date: '2026-12-11', kind: 'PPI', label: 'PPI (November)' },
      ]),
    );
    fireEvent.click(screen.getByLabelText('remove FOMC 2026-12-09'));
    await waitFor(async () =>
      expect((await userEventsItem.get()).removed).toEqual([{ date: '2026-12-09', kind: 'FOMC' }]),
    );
    fireEvent.click(await screen.findByText('Restore'));
    await waitFor(async () => expect((await userEventsItem.get()).removed).toEqual([]));
  });

  it('rejects a malformed date with a message', async () => {
    const { container } = render(<App />);
    fireEvent.input(container.querySelector('[name="event-date"]') as HTMLInputElement, {
      target: { value: '12/11/2026' },
    });
    fireEvent.click(screen.getByText('Add'));
    await screen.findByText('The date must be written YYYY-MM-DD, e.g. 2026-12-16.');
    expect((await userEventsItem.get()).added).toEqual([]);
  });

  it('refuses a date that is not a day (2026-02-30) and a label over 120 characters, in words', async () => {
    const { container } = render(<App />);
    const date = container.querySelector('[name="event-date"]') as HTMLInputElement;
    fireEvent.input(date, { target: { value: '2026-02-30' } });
    fireEvent.click(screen.getByText('Add'));
    await screen.findByText('The date 2026-02-30 is not a day of the calendar.');
    fireEvent.input(date, { target: { value: '2026-12-16' } });
    fireEvent.input(container.querySelector('[name="event-label"]') as HTMLInputElement, {
      target: { value: 'x'.repeat(121) },
    });
    fireEvent.click(screen.getByText('Add'));
    await screen.findByText('Give the event a label of 1 to 120 characters.');
    expect((await userEventsItem.get()).added).toEqual([]);
  });
});

describe('options App: calendar coverage', () => {
  it('says which kinds the built-in calendar covers', async () => {
    render(<App />);
    const text = (await screen.findByTestId('calendar-coverage')).textContent ?? '';
    expect(text).toMatch(/FOMC through \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('PPI none (add them)');
  });

  it('lets the user declare a kind complete through a date, stored with the edits, and withdraw it', async () => {
    const { container } = render(<App />);
    expect((await screen.findByTestId('calendar-declared')).textContent).toContain('nothing');
    fireEvent.input(container.querySelector('[name="declare-kind"]') as HTMLSelectElement, {
      target: { value: 'PPI' },
    });
    fireEvent.input(container.querySelector('[name="declare-date"]') as HTMLInputElement, {
      target: { value: '2027-03-31' },
    });
    fireEvent.click(screen.getByText('Declare'));
    await waitFor(async () => expect((await userEventsItem.get()).coveredThrough.PPI).toBe('2027-03-31'));
    await waitFor(() =>
      expect(screen.getByTestId('calendar-declared').textContent).toContain('PPI through 2027-03-31'),
    );
    fireEvent.click(screen.getByLabelText('withdraw PPI coverage'));
    await waitFor(async () => expect((await userEventsItem.get()).coveredThrough.PPI).toBeNull());
  });

  it('refuses a malformed declaration date', async () => {
    const { container } = render(<App />);
    fireEvent.input(container.querySelector('[name="declare-date"]') as HTMLInputElement, {
      target: { value: 'March' },
    });
    fireEvent.click(screen.getByText('Declare'));
    expect((await screen.findByText(/complete through: expected a date/)).textContent).toContain('PPI');
    expect((await userEventsItem.get()).coveredThrough.PPI).toBeNull();
  });
});

describe('options App: wing mode', () => {
  it('switching the wing mode saves it and enables the matching width', async () => {
    render(<App />);
    await waitFor(() => expect(input('f-condor-wingExpectedMoveFraction').disabled).toBe(true));
    expect(input('f-condor-wingWidthPoints').disabled).toBe(false);
    fireEvent.input(document.getElementById('f-condor-wingMode') as HTMLSelectElement, {
      target: { value: 'expected-move-fraction' },
    });
    await waitFor(async () =>
      expect((await settingsItem.get()).condor.wingMode).toBe('expected-move-fraction'),
    );
    await waitFor(() => expect(input('f-condor-wingWidthPoints').disabled).toBe(true));
    expect(input('f-condor-wingExpectedMoveFraction').disabled).toBe(false);
  });
});
