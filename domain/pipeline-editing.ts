import { domainError, fail, ok, type Result } from './errors';
import { checkPipelineWrite, findStage } from './pipeline-rules';
import type { Pipeline, Stage } from './schemas/pipeline';

/**
 * What the Sales Manager does to a pipeline's stages in Settings. Each returns the new stage list
 * (the caller writes it as one pipeline edit) or the rule it would break. Stages are never
 * deleted: a retired stage keeps the history that points at it.
 */
export type StageEdit = Pick<Stage, 'name' | 'probability' | 'rottingDays'>;

function checked(pipeline: Pipeline, stages: Stage[]): Result<Stage[]> {
  const errors = checkPipelineWrite({ ...pipeline, stages });
  return errors.length ? fail(...errors) : ok(stages);
}

function cleanEdit(edit: StageEdit): StageEdit {
  return {
    name: edit.name.trim(),
    probability: Math.max(0, Math.min(100, Math.round(edit.probability))),
    rottingDays: Math.max(0, Math.min(3650, Math.round(edit.rottingDays))),
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
