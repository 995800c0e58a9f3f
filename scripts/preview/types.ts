/**
 * The shape of the preview registry (pages.ts): which pages exist, which states are worth seeing, and the
 * canned API answers (and taps) that put a page into each state. Pages load through the component-test
 * harness, so a state's responses and setup use its types.
 */
import type { LoadedPage, Responses } from '../../tests/component/harness';

export type { LoadedPage, Responses };

export interface PreviewState {
  /** File-safe slug: becomes `<page>--<state>.png`. */
  name: string;
  /** One line in Chinese saying what the state shows (printed next to the file). */
  title: string;
  /**
   * Whose eyes: a person of the demo world (tests/support/world-views.ts WORLD_PERSONAS), whose recorded
   * `me.get`/`org.tree` answers are used; state responses win.
   */
  persona?: string;
  /** Canned API answers for this state, merged over the persona's. */
  responses?: Responses;
  /** The page query passed to onLoad. */
  query?: Record<string, string>;
  /** Taps and typing that bring the loaded page into this state (harness: tap, trigger, settle ...). */
  setup?: (page: LoadedPage) => Promise<void>;
  /** Chinese text that must appear in this state (checked by tests/component/preview.test.ts). */
  expect: string[];
  /** Text that must not appear (e.g. the form of a state that should have replaced it). */
  absent?: string[];
}

export interface PreviewPage {
  /** File-safe slug. */
  name: string;
  /** Route without extension, relative to miniprogram/, e.g. `pages/me/index`. */
  path: string;
  states: PreviewState[];
}
