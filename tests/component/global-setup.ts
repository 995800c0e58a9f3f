/** Component tests load TDesign from miniprogram/miniprogram_npm, which is gitignored: build it once before the workers start. */
import { buildMpNpm } from '../../scripts/build-mp-npm';

export default function globalSetup(): void {
  buildMpNpm({ quiet: true });
}
