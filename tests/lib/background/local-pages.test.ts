/** The local-pages content script follows the optional permission (lib/background/local-pages.ts). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCAL_SCRIPT_ID, syncLocalPagesScript } from '../../../lib/background/local-pages';

describe('syncLocalPagesScript', () => {
  const registered: { id: string; matches?: string[]; js?: string[] }[] = [];
  let granted = false;
  beforeEach(() => {
    fakeBrowser.reset();
    registered.length = 0;
    granted = false;
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
    const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
    scripting.getRegisteredContentScripts = async ({ ids }: { ids: string[] }) =>
      registered.filter((r) => ids.includes(r.id));
    scripting.registerContentScripts = async (list: typeof registered) => {
      registered.push(...list);
    };
    scripting.unregisterContentScripts = async ({ ids }: { ids: string[] }) => {
      for (const id of ids)
        registered.splice(
          registered.findIndex((r) => r.id === id),
          1,
        );
    };
  });

  it('registers nothing without the permission', async () => {
    await syncLocalPagesScript();
    expect(registered).toEqual([]);
  });

  it('registers the reader for 127.0.0.1 and localhost once granted, once, and removes it when revoked', async () => {
    granted = true;
    await syncLocalPagesScript();
    await syncLocalPagesScript();
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      id: LOCAL_SCRIPT_ID,
      matches: ['http://127.0.0.1/*', 'http://localhost/*'],
      js: ['content-scripts/broker.js'],
    });
    granted = false;
    await syncLocalPagesScript();
    expect(registered).toEqual([]);
  });
});
