/** What the demo world's seeding sections share: the emulator they call, the ids they record, the clock helpers. */
import type { ActionName, Input, Output } from '../../typings/actions';

/** What seeding needs from an emulator: call the api as an openid, pin the clock, run the timers once. */
export interface WorldHost {
  invoke(name: string, event: unknown, opts?: { openid?: string }): Promise<{ result: unknown }>;
  setClock(iso: string | null): void;
  fireTimers(): Promise<unknown[]>;
  /** Stores a file in cloud storage as the mini-program's own upload would (wx.cloud.uploadFile); its fileID. */
  putFile(cloudPath: string, content: Buffer): string;
}

/** The ids the actions generated, by the demo's own names (`notices.open_objected`, `votes.acceptance_open` …). */
export interface DemoWorldIds {
  /** The instant the world was seeded at (ISO). */
  now: string;
  notices: Record<string, string>;
  votes: Record<string, string>;
  objections: Record<string, string>;
  /** Honors (world-honors.ts) by the demo's names: certificate ids `h_…`. */
  honors: Record<string, string>;
  /** Showcase posts (world-honors.ts) by the demo's names. */
  posts: Record<string, string>;
  /** Development cases by the demo's own names (`pipeline.applicant_overdue` …). */
  cases?: Record<string, string>;
  /** 培训: programs by name, their sessions (`members.s1` …) and trainers (`trainer.zhao_lei` …). */
  trainings: Record<string, string>;
  /** 新生信息库 (world-freshmen.ts): the uploaded workbooks' fileIDs, the watched freshmen, the first lesson. */
  freshmen?: Record<string, string>;
}

/** What each section of the world is given: the day helpers, the step queue, the api call and the ids. */
export interface Ctx {
  today: string;
  day(days: number, hours: number): Date;
  at(date: string, hours: number): Date;
  past(d: Date): Date;
  step(when: Date, run: () => Promise<void>): void;
  call<A extends ActionName>(who: string, action: A, input: Input<A>): Promise<Output<A>>;
  ids: DemoWorldIds;
  host: WorldHost;
}
