/**
 * A record's attachments (发展档案附件): picked from a chat or the album, uploaded into the case's own folder of cloud
 * storage, listed by name, and opened through a short-lived link the server hands only to those who see the case.
 * What is accepted (kind, size, place) is the server's to say; its refusal is shown beside the field.
 */
import {
  ATTACHMENT_EXTENSIONS,
  attachmentName,
  PIPELINE_LIMITS,
  pipelineAttachmentFolder,
} from '../../typings/vocabulary';
import { openStoredFile } from '../../utils/document';
import { chooseChatFiles, chooseImages, type PickedFile, uniqueStem, uploadToCloud } from '../../utils/upload';
import { call } from '../api';
import { errorText, toast } from '../errors';

export interface AttachmentVM {
  fileId: string;
  name: string;
}

export function toAttachmentVMs(fileIds: readonly string[]): AttachmentVM[] {
  return fileIds.map((fileId) => ({ fileId, name: attachmentName(fileId) }));
}

/** A name cloud storage and the server's fileID pattern both take: letters, digits, Chinese, and ._-（）. */
export function storableName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext =
    dot > 0
      ? name
          .slice(dot)
          .toLowerCase()
          .replace(/[^a-z.]/g, '')
      : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name).replace(/[^A-Za-z0-9._\u4e00-\u9fff（）-]+/g, '_').slice(0, 40);
  return `${stem || 'file'}${ext}`;
}

/** Where a picked file goes: the case's folder, under a fresh prefix and the name the person chose. */
export function attachmentCloudPath(caseId: string, name: string): string {
  return `${pipelineAttachmentFolder(caseId)}${uniqueStem()}-${storableName(name)}`;
}

/** Lets the person pick files from a chat (`file`) or images (`image`), at most `room` of them. */
export function chooseAttachments(source: 'file' | 'image', room: number): Promise<PickedFile[]> {
  if (room <= 0) return Promise.resolve([]);
  return source === 'image' ? chooseImages(room) : chooseChatFiles(room, ATTACHMENT_EXTENSIONS);
}

/** The picked files within the size the server takes (the rest would only be uploaded to be refused). */
export function withinSizeLimit(files: readonly PickedFile[]): { fitting: PickedFile[]; tooLarge: number } {
  const fitting = files.filter((f) => f.size <= PIPELINE_LIMITS.attachmentBytes);
  return { fitting, tooLarge: files.length - fitting.length };
}

/** Uploads each picked file into the case's folder, in turn; the fileIDs stored and how many failed. */
export async function uploadAttachments(
  caseId: string,
  files: readonly PickedFile[],
): Promise<{ fileIds: string[]; failed: number }> {
  const fileIds: string[] = [];
  let failed = 0;
  for (const f of files) {
    const id = await uploadToCloud(attachmentCloudPath(caseId, f.name), f.path);
    if (id) fileIds.push(id);
    else failed++;
  }
  return { fileIds, failed };
}

/** Asks the server for the attachment's short-lived link and opens it; says so when either fails. */
export async function openAttachment(caseId: string, fileId: string): Promise<void> {
  const res = await call('pipeline.attachmentLink', { caseId, fileId });
  if (!res.ok) return toast(errorText(res.error));
  if (!(await openStoredFile(res.data.url, res.data.fileName))) toast('附件未能打开，请稍后重试');
}
