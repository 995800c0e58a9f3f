/**
 * Opens a stored file from its temporary link: a document (an .xlsx export, a .docx form, a PDF or Word or Excel
 * attachment) is downloaded and opened in WeChat's document viewer, whose menu lets the person forward, save or
 * print it; an image is shown in WeChat's image viewer. Resolves false when a step fails, so the page can say so.
 */
export type DocumentType = 'xlsx' | 'docx' | 'pdf';

export function openDocument(url: string, fileType: DocumentType): Promise<boolean> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) return resolve(false);
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType,
          showMenu: true,
          success: () => resolve(true),
          fail: () => resolve(false),
        });
      },
      fail: () => resolve(false),
    });
  });
}

/** Opens the file named `name` behind `url` the way its kind is read: images in the image viewer, the rest as documents. */
export function openStoredFile(url: string, name: string): Promise<boolean> {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') {
    return new Promise((resolve) => {
      wx.previewImage({ urls: [url], current: url, success: () => resolve(true), fail: () => resolve(false) });
    });
  }
  if (ext === 'pdf' || ext === 'docx' || ext === 'xlsx') return openDocument(url, ext);
  return Promise.resolve(false);
}
