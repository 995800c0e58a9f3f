import * as z from 'zod';

/** Document ids we generate: short, URL-safe. Never an openid. */
export const Id = z
  .string()
  .min(1, '不能为空')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

/** A calendar date in Asia/Shanghai, YYYY-MM-DD. */
export const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const PersonName = z.string().trim().min(2, '姓名至少 2 个字').max(20, '姓名过长');
export const StudentNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{4,20}$/, '学号应为 4–20 位字母或数字');

/** Pagination: every list action takes these, with the same bounds. */
export const PageInput = {
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
};

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}
