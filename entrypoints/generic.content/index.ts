import { mountOverlay } from '@/components/overlay/mount';
import { startContentScript } from '@/lib/content/start-content';

// Not in the manifest: injected into one tab on demand (activeTab + scripting) when the user
// asks to read a page on a site we have no standing permission for.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startContentScript(ctx, mountOverlay);
  },
});
