import { domainError, type DomainError } from './errors';
import type { Pipeline, Stage } from './schemas/pipeline';

export function findStage(pipeline: Pipeline, stageId: string): Stage | undefined {
  return pipeline.stages.find((s) => s.id === stageId);
}

/** Stages that take deals, in board order. */
export function activeStages(pipeline: Pipeline): Stage[] {
  return pipeline.stages.filter((s) => !s.retired);
}

export function firstStage(pipeline: Pipeline): Stage | undefined {
  return activeStages(pipeline)[0];
}

/** The active stage before or after `stageId` on the board, or undefined at either end. */
export function adjacentStage(pipeline: Pipeline, stageId: string, step: -1 | 1): Stage | undefined {
  const stages = activeStages(pipeline);
  const index = stages.findIndex((s) => s.id === stageId);
  if (index < 0) return undefined;
  return stages[index + step];
}

export function checkPipelineWrite(after: Pipeline): DomainError[] {
  const errors: DomainError[] = [];
  if (activeStages(after).length === 0) {
    errors.push(domainError('pipeline.noStages', 'a pipeline needs at least one active stage'));
  }
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const stage of after.stages) {
    const name = stage.name.trim().toLowerCase();
    if (ids.has(stage.id) || (!stage.retired && names.has(name))) {
      errors.push(domainError('pipeline.duplicateStage', `stage "${stage.name}" appears twice`, { stage: stage.name }));
    }
    ids.add(stage.id);
    if (!stage.retired) names.add(name);
  }
  return errors;
}
