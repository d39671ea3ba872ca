import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnSender, onMessage } from '../../lib/messaging';
import type { Message, Reply } from '../../lib/schema/messages';

/** Delivers a message as if sent by `sender`, and resolves with the listener's reply. */
async function deliver(message: unknown, sender: { id?: string }): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (r: Reply) => resolve(r));
  });
}

describe('onMessage', () => {
  const own = () => ({ id: fakeBrowser.runtime.id });
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
});

describe('isOwnSender', () => {
  it('trusts only this extension id', () => {
    expect(isOwnSender({ id: fakeBrowser.runtime.id })).toBe(true);
    expect(isOwnSender({ id: 'some-other-extension' })).toBe(false);
    expect(isOwnSender({})).toBe(false);
  });
});
