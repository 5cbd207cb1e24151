import type { DealImportContext, ImportUser } from '@domain/csv-import';
import { ImportRanks } from '@domain/csv-import';
import type { Actor } from '@domain/permissions';
import { createRecord } from '@domain/record-edits';
import type { Pipeline } from '@domain/schemas/pipeline';
import { ctxAt, salesPipeline, stage, TEAM, testId, USER_A, USER_B } from './fixtures';

export const OTHER_TEAM = testId(0x7f);
export const USER_GONE = testId(0xc3);
export const USER_ELSEWHERE = testId(0xd4);

/** A second pipeline, not the default, so that naming it is what sends a deal there. */
export function renewalsPipeline(): Pipeline {
  return createRecord(
    'pipelines',
    testId(0x9002),
    {
      name: 'Renewals',
      position: 1,
      isDefault: false,
      currency: 'EUR',
      teamId: '',
      stages: [stage(testId(0x5101), 'Due', 60, 30), stage(testId(0x5102), 'Renegotiating', 80, 30)],
    },
    ctxAt(0),
  );
}

const USERS: Readonly<Record<string, ImportUser>> = {
  'ana@outpost.test': { id: USER_A, teamId: TEAM, active: true },
  'ben@outpost.test': { id: USER_B, teamId: TEAM, active: true },
  'gone@outpost.test': { id: USER_GONE, teamId: TEAM, active: false },
  'dan@outpost.test': { id: USER_ELSEWHERE, teamId: OTHER_TEAM, active: true },
};

/** The Sales Manager importing, unless `actor` says otherwise. */
export function dealContext(
  overrides: {
    actor?: Partial<Actor>;
    topRank?: (pipelineId: string, stageId: string) => string | null;
    rows?: number;
  } = {},
): DealImportContext {
  return {
    pipelines: [renewalsPipeline(), salesPipeline()],
    userByEmail: (key) => USERS[key],
    lostReasons: [
      { key: 'price', names: ['Price', 'Precio'] },
      { key: 'competitor', names: ['Went with a competitor', 'Eligió a la competencia'] },
    ],
    actor: { id: USER_A, role: 'SALES_MANAGER', teamId: TEAM, teamMemberIds: [USER_A, USER_B], ...overrides.actor },
    ranks: new ImportRanks(overrides.topRank ?? (() => null), overrides.rows ?? 10),
  };
}
