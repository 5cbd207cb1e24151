import { describe, expect, it } from 'vitest';
import { addStage, moveStage, parseStageDraft, restoreStage, retireStage, updateStage } from '@domain/pipeline-editing';
import { activeStages } from '@domain/pipeline-rules';
import { STAGE, salesPipeline, testId } from './fixtures';

const pipeline = salesPipeline();
const names = (stages: { name: string }[]) => stages.map((s) => s.name);

describe('pipeline stage editing', () => {
  it('adds a stage at the end with clamped probability and rotting days', () => {
    const result = addStage(pipeline, testId(0x6001), { name: ' Contract ', probability: 140, rottingDays: -3 });
    if (!result.ok) throw new Error('add failed');
    expect(result.value.at(-1)).toEqual({
      id: testId(0x6001),
      name: 'Contract',
      probability: 100,
      rottingDays: 0,
      retired: false,
    });
  });

  it('refuses a stage whose name an active stage already has', () => {
    const result = addStage(pipeline, testId(0x6002), { name: 'proposal', probability: 50, rottingDays: 7 });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['pipeline.duplicateStage']);
  });

  it('renames a stage and changes its defaults', () => {
    const result = updateStage(pipeline, STAGE.demo, { name: 'Live demo', probability: 55, rottingDays: 9 });
    if (!result.ok) throw new Error('update failed');
    expect(result.value.find((s) => s.id === STAGE.demo)).toMatchObject({
      name: 'Live demo',
      probability: 55,
      rottingDays: 9,
    });
  });

  it('reorders active stages, stepping over retired ones and stopping at the ends', () => {
    const left = moveStage(pipeline, STAGE.leadIn, -1);
    if (!left.ok) throw new Error('move failed');
    expect(left.value).toEqual(pipeline.stages);
    const right = moveStage(pipeline, STAGE.demo, 1);
    if (!right.ok) throw new Error('move failed');
    const order = activeStages({ ...pipeline, stages: right.value }).map((s) => s.id);
    expect(order.indexOf(STAGE.demo)).toBe(order.indexOf(STAGE.proposal) + 1);
  });

  it('retires a stage only towards another active stage, and never the last one', () => {
    const retired = retireStage(pipeline, STAGE.demo, STAGE.proposal);
    if (!retired.ok) throw new Error('retire failed');
    expect(retired.value.find((s) => s.id === STAGE.demo)?.retired).toBe(true);
    expect(retireStage(pipeline, STAGE.demo, STAGE.demo).ok).toBe(false);
    expect(retireStage(pipeline, STAGE.demo, STAGE.retired).ok).toBe(false);
    let current = pipeline;
    const active = activeStages(pipeline);
    for (const s of active.slice(1)) {
      const step = retireStage(current, s.id, active[0]!.id);
      if (!step.ok) throw new Error('retire failed');
      current = { ...current, stages: step.value };
    }
    const last = retireStage(current, active[0]!.id, active[1]!.id);
    expect(last.ok).toBe(false);
  });

  it('restores a retired stage in its old place', () => {
    const result = restoreStage(pipeline, STAGE.retired);
    if (!result.ok) throw new Error('restore failed');
    expect(names(result.value)).toEqual(names(pipeline.stages));
    expect(result.value[0]!.retired).toBe(false);
  });
});

describe('a stage form’s input', () => {
  it('gives an edit only when the name is set and both numbers are whole and in range', () => {
    expect(parseStageDraft({ name: 'Demo', probability: '40', rottingDays: '21' })).toEqual({
      edit: { name: 'Demo', probability: 40, rottingDays: 21 },
      probabilityOk: true,
      rottingDaysOk: true,
    });
    expect(parseStageDraft({ name: ' ', probability: '40', rottingDays: '21' }).edit).toBeNull();
    for (const probability of ['101', '-1', '4.5', '', 'ten']) {
      expect(parseStageDraft({ name: 'Demo', probability, rottingDays: '21' })).toMatchObject({
        edit: null,
        probabilityOk: false,
      });
    }
    expect(parseStageDraft({ name: 'Demo', probability: '0', rottingDays: '3651' })).toMatchObject({
      edit: null,
      probabilityOk: true,
      rottingDaysOk: false,
    });
    expect(parseStageDraft({ name: 'x'.repeat(61), probability: '1', rottingDays: '1' }).edit).toBeNull();
  });
});
