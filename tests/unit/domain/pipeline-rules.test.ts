import { describe, expect, it } from 'vitest';
import { activeStages, adjacentStage, checkPipelineWrite, findStage, firstStage } from '@domain/pipeline-rules';
import type { Pipeline } from '@domain/schemas/pipeline';
import { STAGE, salesPipeline, stage, testId } from './fixtures';

const pipeline = salesPipeline();
const withStages = (stages: Pipeline['stages']): Pipeline => ({ ...pipeline, stages });

describe('stage lookups', () => {
  it('finds stages by id, retired ones included', () => {
    expect(findStage(pipeline, STAGE.demo)?.name).toBe('Demo');
    expect(findStage(pipeline, STAGE.retired)?.retired).toBe(true);
    expect(findStage(pipeline, testId(0xbad))).toBeUndefined();
  });

  it('lists active stages in board order and starts deals in the first of them', () => {
    expect(activeStages(pipeline).map((s) => s.name)).toEqual([
      'Lead In',
      'Qualified',
      'Demo',
      'Proposal',
      'Negotiation',
    ]);
    expect(firstStage(pipeline)?.id).toBe(STAGE.leadIn);
    expect(firstStage(withStages(pipeline.stages.map((s) => ({ ...s, retired: true }))))).toBeUndefined();
  });

  it('finds the neighbouring active stage, or nothing at the ends or from a retired stage', () => {
    expect(adjacentStage(pipeline, STAGE.demo, 1)?.id).toBe(STAGE.proposal);
    expect(adjacentStage(pipeline, STAGE.demo, -1)?.id).toBe(STAGE.qualified);
    expect(adjacentStage(pipeline, STAGE.leadIn, -1)).toBeUndefined();
    expect(adjacentStage(pipeline, STAGE.negotiation, 1)).toBeUndefined();
    expect(adjacentStage(pipeline, STAGE.retired, 1)).toBeUndefined();
    expect(adjacentStage(pipeline, testId(0xbad), 1)).toBeUndefined();
  });
});

describe('checkPipelineWrite', () => {
  it('accepts a well-formed pipeline', () => {
    expect(checkPipelineWrite(pipeline)).toEqual([]);
  });

  it('needs at least one active stage', () => {
    const errors = checkPipelineWrite(withStages([stage(testId(1), 'Old', 10, 7, true)]));
    expect(errors.map((e) => e.code)).toEqual(['pipeline.noStages']);
  });

  it('refuses two stages with one id', () => {
    const errors = checkPipelineWrite(withStages([stage(testId(1), 'A', 10), stage(testId(1), 'B', 20)]));
    expect(errors.map((e) => e.code)).toEqual(['pipeline.duplicateStage']);
  });

  it('refuses two active stages with one name, ignoring case and spaces', () => {
    const errors = checkPipelineWrite(withStages([stage(testId(1), 'Demo', 10), stage(testId(2), ' demo ', 20)]));
    expect(errors).toEqual([expect.objectContaining({ code: 'pipeline.duplicateStage', params: { stage: ' demo ' } })]);
  });

  it('allows a retired stage to share a name with an active one', () => {
    expect(
      checkPipelineWrite(withStages([stage(testId(1), 'Demo', 10, 7, true), stage(testId(2), 'Demo', 20)])),
    ).toEqual([]);
  });
});
