/**
 * Files from the phone to cloud storage: picking them (from a chat, or images from the album or camera) and
 * uploading them with wx.cloud.uploadFile. The server reads what was stored, never what the picker reported.
 */

export interface PickedFile {
  /** The local temporary path. */
  path: string;
  /** The name the person sees (a chat file's own name; an image's temporary name). */
  name: string;
  size: number;
}

/** A fresh prefix for a stored file's name: the time and a random part, so two uploads never collide. */
export function uniqueStem(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Lets the person pick up to `count` files from a chat with one of `extension` (no dot); [] when cancelled. */
export function chooseChatFiles(count: number, extension: readonly string[]): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count,
      type: 'file',
      extension: [...extension],
      success: (r) => resolve(r.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))),
      fail: () => resolve([]),
    });
  });
}

/** Lets the person pick up to `count` images from the album or the camera; [] when cancelled. */
export function chooseImages(count: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (r) =>
        resolve(
          r.tempFiles.map((f) => ({
            path: f.tempFilePath,
            name: f.tempFilePath.slice(f.tempFilePath.lastIndexOf('/') + 1),
            size: f.size,
          })),
        ),
      fail: () => resolve([]),
    });
  });
}

/** Uploads a local file to cloud storage at `cloudPath`; its fileID, or null on failure. */
export async function uploadToCloud(cloudPath: string, filePath: string): Promise<string | null> {
  try {
    const up = await wx.cloud.uploadFile({ cloudPath, filePath });
    return up.fileID;
  } catch {
    return null;
  }
}
