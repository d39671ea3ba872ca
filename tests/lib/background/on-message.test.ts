import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isExtensionPage, onMessage } from '../../../lib/background/on-message';
import { isOwnSender } from '../../../lib/messaging';
import type { Reply } from '../../../lib/schema/from-background';
import type { Message } from '../../../lib/schema/messages';

/** Delivers a message as if sent by `sender`, and resolves with the listener's reply. */
/** `sender` as Chromium fills it: only the fields the listener reads (the fake types a full one). */
async function deliver(message: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (r: Reply) => resolve(r));
  });
}

describe('onMessage', () => {
  /** Our side panel, as Chromium describes it: our id, a chrome-extension:// URL of ours, no tab. */
  const own = () => ({
    id: fakeBrowser.runtime.id,
    url: 'chrome-extension://test-extension-id/sidepanel.html',
  });
  /** Our content script in a web page: our id, the page's URL and tab. */
  const content = () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://www.barchart.com/stocks/quotes/$SPX/options',
    tab: { id: 3 },
  });
  let seen: Message[];
  beforeEach(() => {
    fakeBrowser.reset();
    seen = [];
    onMessage(async (m) => {
      seen.push(m);
      return { ok: true };
    });
  });

  it('passes a valid message from our own extension to the handler', async () => {
    expect(await deliver({ type: 'clear-vix-curve' }, own())).toEqual({ ok: true });
    expect(seen).toEqual([{ type: 'clear-vix-curve' }]);
  });

  it('rejects a malformed message with a named reason and never calls the handler', async () => {
    const reply = await deliver({ type: 'recompute', tabId: 'x' }, own());
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    expect(seen).toEqual([]);
  });

  it('ignores a valid-looking message from another extension or a page', async () => {
    expect(await deliver({ type: 'clear-vix-curve' }, { id: 'another-extension' })).toMatchObject({
      ok: false,
      error: 'sender is not this extension',
    });
    expect(await deliver({ type: 'clear-vix-curve' }, {})).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });

  it('takes what a page holds only from a content script in a tab', async () => {
    const hello = { type: 'hello', url: 'https://www.barchart.com/stocks/quotes/$SPX/options' };
    expect(await deliver(hello, content())).toEqual({ ok: true });
    expect(await deliver(hello, own())).toMatchObject({
      ok: false,
      error: expect.stringMatching(/content script in a tab/),
    });
    expect(await deliver(hello, { id: fakeBrowser.runtime.id, url: hello.url })).toMatchObject({ ok: false });
    expect(seen).toEqual([hello]);
  });

  it('refuses the user’s own actions when they come from a content script (a subverted page)', async () => {
    for (const m of [
      { type: 'clear-vix-curve' },
      { type: 'read-this-tab', tabId: 9 },
      { type: 'recompute', tabId: 9 },
    ])
      expect(await deliver(m, content())).toMatchObject({
        ok: false,
        error: expect.stringMatching(/only from the extension's own pages/),
      });
    // A page of another extension, or a web page claiming our URL without our id, is no better.
    expect(await deliver({ type: 'clear-vix-curve' }, { id: 'x', url: own().url })).toMatchObject({
      ok: false,
    });
    expect(seen).toEqual([]);
  });
});

describe('isExtensionPage', () => {
  it('is true only for URLs under our own extension origin', () => {
    expect(isExtensionPage({ url: 'chrome-extension://test-extension-id/options.html' })).toBe(true);
    expect(isExtensionPage({ url: 'chrome-extension://another-id/options.html' })).toBe(false);
    expect(isExtensionPage({ url: 'https://example.com/chrome-extension://test-extension-id/' })).toBe(false);
    expect(isExtensionPage({})).toBe(false);
  });
});

describe('isOwnSender', () => {
  it('trusts only this extension id', () => {
    expect(isOwnSender({ id: fakeBrowser.runtime.id })).toBe(true);
    expect(isOwnSender({ id: 'some-other-extension' })).toBe(false);
    expect(isOwnSender({})).toBe(false);
  });
});
