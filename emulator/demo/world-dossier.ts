/**
 * The demo world's dossier material: 白露 (the 信息学院 branch's activist, seeded in world.ts) is assessed three days
 * ago by her branch's secretary, with the three evaluations of the assessment (S6), so her dossier has a 考察表 to
 * print beside her talk record, the members' recommendation and the branch's resolution.
 */
import { addDays } from '../../server/domain/time';
import type { Ctx } from './context';

export function seedDossier(c: Ctx): void {
  c.step(c.day(-3, 10), async () => {
    const personId = c.ids.cases?.activist?.replace(/^pc_/, '');
    if (!personId) return;
    await c.call('info_pb_sec', 'pipeline.recordAssessment', {
      personId,
      unitId: 'u_info_pb',
      kind: 'assessment',
      on: addDays(c.today, -3),
      content: '认真学习党章和党的基本理论，按时参加党课，在迎新志愿服务中担任组长',
      opinion: '政治立场坚定，学习和工作表现良好，继续培养',
      evaluations: {
        representatives: { result: 'good', opinion: '辅导员和班级同学代表认为她学习刻苦、乐于助人' },
        democratic: { result: 'fair', opinion: '班级民主评议：到会 32 人，评为好 25 人、较好 7 人' },
        self: { result: 'good', opinion: '理论学习还不够系统，今后按月制定学习计划' },
      },
    });
  });
}
