/** Records the demo world's answers to `.data/world-views.json` (tests/support/world-views.ts). */
import { recordWorldViews, WORLD_VIEWS_FILE } from './world-views';

const t0 = Date.now();
recordWorldViews()
  .then((w) => {
    const quiet = process.argv.includes('--quiet');
    if (!quiet)
      console.log(`world-views: ${Object.keys(w.views).length} answers in ${Date.now() - t0} ms → ${WORLD_VIEWS_FILE}`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
