/** Stand-ins for the WeChat APIs a page calls outside the api seam, shared by the component tests. */

type Wx = Record<string, unknown>;
const wx = (): Wx => (globalThis as unknown as { wx: Wx }).wx;

/** WeChat's subscribe-message consent sheet. */
export type Sheet = { tmplIds: string[]; success: (res: Record<string, string>) => void };

/** Installs a consent sheet that answers `answer` for every template; returns what the page asked for. */
export function answerSheet(answer: 'accept' | 'reject'): Sheet[] {
  const asked: Sheet[] = [];
  wx().requestSubscribeMessage = (opts: Sheet) => {
    asked.push(opts);
    opts.success(Object.fromEntries(opts.tmplIds.map((t) => [t, answer])));
  };
  return asked;
}

/**
 * Downloads that succeed (the temporary path is `tmp:<url>`) and a document viewer that opens anything; returns the
 * documents the page opened, in order.
 */
export function openDocuments(): { filePath: string; fileType: string }[] {
  const opened: { filePath: string; fileType: string }[] = [];
  wx().downloadFile = (o: { url: string; success: (r: { statusCode: number; tempFilePath: string }) => void }) =>
    o.success({ statusCode: 200, tempFilePath: `tmp:${o.url}` });
  wx().openDocument = (o: { filePath: string; fileType: string; success: () => void }) => {
    opened.push({ filePath: o.filePath, fileType: o.fileType });
    o.success();
  };
  return opened;
}
