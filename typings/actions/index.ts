/**
 * The API contract: every action's input schema (zod, used by the server to parse and by docs to
 * generate JSON Schema) and its output type. The mini-program imports this file with `import type` only.
 */
import type { z } from 'zod';
import { type ActivistsOutputs, activistsSchemas } from './activists';
import { type DossierOutputs, dossierSchemas } from './dossier';
import { type HonorsOutputs, honorsSchemas } from './honors';
import { type NoticesOutputs, noticesSchemas } from './notices';
import { type OrgOutputs, orgSchemas } from './org';
import { type PipelineOutputs, pipelineSchemas } from './pipeline';
import { type TrainingsOutputs, trainingsSchemas } from './trainings';
import { type VotesOutputs, votesSchemas } from './votes';

export const schemas = {
  ...orgSchemas,
  ...noticesSchemas,
  ...votesSchemas,
  ...trainingsSchemas,
  ...honorsSchemas,
  ...activistsSchemas,
  ...pipelineSchemas,
  ...dossierSchemas,
};

export type ActionName = keyof typeof schemas;
/** What a caller sends (defaults optional). */
export type Input<A extends ActionName> = z.input<(typeof schemas)[A]>;
/** What a handler receives after parsing (defaults applied). */
export type Parsed<A extends ActionName> = z.output<(typeof schemas)[A]>;
export interface Outputs
  extends OrgOutputs,
    NoticesOutputs,
    VotesOutputs,
    TrainingsOutputs,
    HonorsOutputs,
    ActivistsOutputs,
    PipelineOutputs,
    DossierOutputs {}
export type Output<A extends ActionName> = Outputs[A];

export * from './activists';
export * from './common';
export * from './dossier';
export * from './honors';
export * from './notices';
export * from './org';
export * from './pipeline';
export * from './trainings';
export * from './votes';
