/**
 * The action catalog: name, summary, who may call, input JSON Schema (generated from the zod schema),
 * and the error codes. Served by the emulator at GET /actions and rendered into docs/api.md.
 */
import * as z from 'zod';
import { type ActionName, schemas } from '../typings/actions';
import type { ErrorCode } from '../typings/errors';
import { accessErrors, PIPELINE_ERRORS } from './action';
import { actions } from './actions';

export interface CatalogEntry {
  function: string;
  name: ActionName;
  summary: string;
  access: string;
  errors: ErrorCode[];
  input: unknown;
}

export function describeAccess(a: (typeof actions)[ActionName]['access']): string {
  if (a.kind === 'anyone') return 'anyone with a WeChat identity';
  if (a.kind === 'member') return 'a bound member';
  return `holder of "${a.permission}" over the target`;
}

export function actionCatalog(): CatalogEntry[] {
  return (Object.keys(actions) as ActionName[]).sort().map((name) => {
    const def = actions[name];
    return {
      function: 'api',
      name,
      summary: def.summary,
      access: describeAccess(def.access),
      errors: [...new Set([...PIPELINE_ERRORS, ...accessErrors(def.access), ...def.errors])],
      input: z.toJSONSchema(schemas[name], { io: 'input' }),
    };
  });
}
