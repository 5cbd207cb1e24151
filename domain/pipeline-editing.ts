import { domainError, fail, ok, type Result } from './errors';
import { checkPipelineWrite, findStage } from './pipeline-rules';
import type { Pipeline, Stage } from './schemas/pipeline';

/**
 * What the Sales Manager does to a pipeline's stages in Settings. Each returns the new stage list
 * (the caller writes it as one pipeline edit) or the rule it would break. Stages are never
 * deleted: a retired stage keeps the history that points at it.
 */
export type StageEdit = Pick<Stage, 'name' | 'probability' | 'rottingDays'>;

/** The bounds of a stage's fields (the pipeline schema's), for forms and for cleanEdit. */
export const STAGE_LIMITS = { maxNameLength: 60, maxProbability: 100, maxRottingDays: 3650 } as const;

/** What a stage form holds, as typed; each number must be whole and within STAGE_LIMITS. */
export interface StageDraft {
  name: string;
  probability: string;
  rottingDays: string;
}

/** A stage form's input checked field by field; `edit` is set only when all of it is valid. */
export function parseStageDraft(draft: StageDraft): {
  edit: StageEdit | null;
  probabilityOk: boolean;
  rottingDaysOk: boolean;
} {
  const whole = (text: string, max: number) => /^\d{1,4}$/.test(text.trim()) && Number(text) <= max;
  const probabilityOk = whole(draft.probability, STAGE_LIMITS.maxProbability);
  const rottingDaysOk = whole(draft.rottingDays, STAGE_LIMITS.maxRottingDays);
  const nameOk = draft.name.trim() !== '' && draft.name.trim().length <= STAGE_LIMITS.maxNameLength;
  return {
    edit:
      nameOk && probabilityOk && rottingDaysOk
        ? { name: draft.name, probability: Number(draft.probability), rottingDays: Number(draft.rottingDays) }
        : null,
    probabilityOk,
    rottingDaysOk,
  };
}

function checked(pipeline: Pipeline, stages: Stage[]): Result<Stage[]> {
  const errors = checkPipelineWrite({ ...pipeline, stages });
  return errors.length ? fail(...errors) : ok(stages);
}

function cleanEdit(edit: StageEdit): StageEdit {
  return {
    name: edit.name.trim(),
    probability: Math.max(0, Math.min(STAGE_LIMITS.maxProbability, Math.round(edit.probability))),
    rottingDays: Math.max(0, Math.min(STAGE_LIMITS.maxRottingDays, Math.round(edit.rottingDays))),
  };
}

export function addStage(pipeline: Pipeline, id: string, edit: StageEdit): Result<Stage[]> {
  return checked(pipeline, [...pipeline.stages, { id, ...cleanEdit(edit), retired: false }]);
}

export function updateStage(pipeline: Pipeline, stageId: string, edit: StageEdit): Result<Stage[]> {
  if (!findStage(pipeline, stageId)) return fail(domainError('deal.unknownStage', 'no such stage'));
  return checked(
    pipeline,
    pipeline.stages.map((s) => (s.id === stageId ? { ...s, ...cleanEdit(edit) } : s)),
  );
}

/** Move a stage one place left (-1) or right (+1) among the active stages; retired ones stay put. */
export function moveStage(pipeline: Pipeline, stageId: string, step: -1 | 1): Result<Stage[]> {
  const stages = [...pipeline.stages];
  const from = stages.findIndex((s) => s.id === stageId);
  if (from < 0) return fail(domainError('deal.unknownStage', 'no such stage'));
  let to = from + step;
  while (to >= 0 && to < stages.length && stages[to]!.retired) to += step;
  if (to < 0 || to >= stages.length) return ok(stages);
  const [stage] = stages.splice(from, 1);
  stages.splice(to, 0, stage!);
  return ok(stages);
}

/**
 * Retire a stage. Its open deals must first move to `targetStageId` (an active stage of the same
 * pipeline), which the caller does deal by deal so each move is in the stage history.
 */
export function retireStage(pipeline: Pipeline, stageId: string, targetStageId: string): Result<Stage[]> {
  const stage = findStage(pipeline, stageId);
  const target = findStage(pipeline, targetStageId);
  if (!stage) return fail(domainError('deal.unknownStage', 'no such stage'));
  if (!target || target.id === stageId) {
    return fail(domainError('deal.unknownStage', 'deals must move to another stage of the pipeline'));
  }
  if (target.retired) {
    return fail(domainError('deal.retiredStage', `stage "${target.name}" is retired`, { stage: target.name }));
  }
  return checked(
    pipeline,
    pipeline.stages.map((s) => (s.id === stageId ? { ...s, retired: true } : s)),
  );
}

/** A retired stage comes back at its old place, unless an active stage has taken its name since. */
export function restoreStage(pipeline: Pipeline, stageId: string): Result<Stage[]> {
  if (!findStage(pipeline, stageId)) return fail(domainError('deal.unknownStage', 'no such stage'));
  return checked(
    pipeline,
    pipeline.stages.map((s) => (s.id === stageId ? { ...s, retired: false } : s)),
  );
}
