/** What a scheduled job is: a name and a run that decides from `now` whether it is due (jobs are idempotent). */
import type { Ports } from '../ports';
import type { Store } from '../store';

export interface JobContext {
  store: Store;
  ports: Ports;
  now: Date;
}

export interface Job {
  name: string;
  run(ctx: JobContext): Promise<unknown>;
}
