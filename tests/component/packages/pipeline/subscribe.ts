/** WeChat's subscribe-message consent sheet in the component tests: every template answered the same way. */
export type Sheet = { tmplIds: string[]; success: (res: Record<string, string>) => void };

/** Installs a consent sheet that answers `answer` for every template; returns what the page asked for. */
export function answerSheet(answer: 'accept' | 'reject'): Sheet[] {
  const asked: Sheet[] = [];
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.requestSubscribeMessage = (opts: Sheet) => {
    asked.push(opts);
    opts.success(Object.fromEntries(opts.tmplIds.map((t) => [t, answer])));
  };
  return asked;
}
