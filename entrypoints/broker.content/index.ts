import { mountOverlay } from '@/components/overlay/mount';
import { startContentScript } from '@/lib/content/start-content';
import { SUPPORTED_SITE_MATCHES } from '@/lib/permissions';

// The supported sites (lib/permissions.ts): read the chain live and draw the plan.
export default defineContentScript({
  matches: [...SUPPORTED_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, mountOverlay);
  },
});
