/**
 * Downloads a document the server generated (an .xlsx export, a .docx form) from its temporary link and opens it in
 * WeChat's document viewer, whose menu lets the person forward, save or print it. Resolves false when either step
 * fails, so the page can say so.
 */
export function openDocument(url: string, fileType: 'xlsx' | 'docx'): Promise<boolean> {
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
