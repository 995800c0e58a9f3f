/**
 * Drawing shareable pictures (the Moments poster, the certificate): find a 2d canvas node, load images onto it,
 * and keep a server-sent PNG (a mini-program code, base64) as a local file the canvas can load.
 */

export type Ctx2d = WechatMiniprogram.CanvasRenderingContext.CanvasRenderingContext2D;

/** The 2d canvas `selector` selects in `page`, sized to `width` × `height` (null outside WeChat). */
export function canvasNode(
  page: WechatMiniprogram.Component.TrivialInstance,
  selector: string,
  width: number,
  height: number,
): Promise<{ canvas: WechatMiniprogram.Canvas; ctx: Ctx2d } | null> {
  return new Promise((resolve) => {
    if (typeof wx.createSelectorQuery !== 'function') return resolve(null);
    wx.createSelectorQuery()
      .in(page)
      .select(selector)
      .fields({ node: true, size: true })
      .exec((found: { node?: WechatMiniprogram.Canvas }[]) => {
        const canvas = found?.[0]?.node;
        if (!canvas) return resolve(null);
        canvas.width = width;
        canvas.height = height;
        resolve({ canvas, ctx: canvas.getContext('2d') as Ctx2d });
      });
  });
}

/** An image (local path or cloud fileID) loaded onto `canvas`, or null when it cannot be loaded. */
export function loadImage(canvas: WechatMiniprogram.Canvas, src: string): Promise<WechatMiniprogram.Image | null> {
  return new Promise((resolve) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** Writes a base64 PNG to the user data folder and returns its path. */
export function pngFile(name: string, base64: string): Promise<string | null> {
  return new Promise((resolve) => {
    const filePath = `${wx.env.USER_DATA_PATH}/${name}.png`;
    wx.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(filePath),
      fail: () => resolve(null),
    });
  });
}

/** The canvas as a temporary image file. */
export function canvasFile(canvas: WechatMiniprogram.Canvas): Promise<string | null> {
  return new Promise((resolve) => {
    wx.canvasToTempFilePath({
      canvas,
      success: (r) => resolve(r.tempFilePath),
      fail: () => resolve(null),
    });
  });
}

/** Text cut into lines of at most `perLine` characters, at most `lines` of them (the last ends with … when cut). */
export function wrap(text: string, perLine: number, lines: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length && out.length < lines; i += perLine) out.push(text.slice(i, i + perLine));
  if (text.length > perLine * lines) out[lines - 1] = `${out[lines - 1].slice(0, perLine - 1)}…`;
  return out;
}
