import { startHub } from '@/lib/background/hub';

export default defineBackground(() => {
  startHub();
});
