/**
 * Before the workers start: component tests load TDesign from miniprogram/miniprogram_npm, which is gitignored, so
 * it is built once; and the pages are fed the demo world's own answers, so the world is seeded and its answers
 * recorded once per run (tests/support/world-views.ts; about 10 s), in a child process that runs TypeScript as
 * `npm start` does.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildMpNpm } from '../../scripts/build-mp-npm';

const ROOT = path.resolve(__dirname, '../..');

export default function globalSetup(): void {
  buildMpNpm({ quiet: true });
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['tests/support/record-world-views.ts', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
