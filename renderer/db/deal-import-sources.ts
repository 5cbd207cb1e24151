import type { DealImportContext } from '@domain/csv-import';
import { SETTING_IDS } from '@domain/default-records';
import { activeStages } from '@domain/pipeline-rules';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { SettingItem } from '@domain/schemas/setting';
import { readImportOwners } from './import-owners';
import { topRankOfStage } from './stage-deals';
import type { Workspace } from './workspace';

/** What a deal import resolves rows against, read once; the ranks come from `topRank`. */
export interface DealImportSources {
  context: Omit<DealImportContext, 'ranks'>;
  /** The rank of the first open card of each column as the import starts (null: empty column). */
  topRank(pipelineId: string, stageId: string): string | null;
}

/**
 * Reads the pipelines, the users (owners by email, and the importer's team for permissions), the
 * active lost reasons and the first card of every column. `lostReasonLabel` is the label the
 * person sees (a built-in reason in their language), accepted besides the stored one.
 */
export async function readDealImportSources(
  ws: Workspace,
  lostReasonLabel: (item: SettingItem) => string,
): Promise<DealImportSources> {
  const [pipelineDocs, owners, lostReasons] = await Promise.all([
    ws.db.pipelines.find({ selector: { deletedAt: null } }).exec(),
    readImportOwners(ws),
    ws.db.settings.findOne(SETTING_IDS['lost-reasons']).exec(),
  ]);
  const pipelines = pipelineDocs.map((doc) => doc.toJSON() as Pipeline);
  const tops = new Map<string, string | null>();
  await Promise.all(
    pipelines.flatMap((p) =>
      activeStages(p).map(async (s) => tops.set(`${p.id}/${s.id}`, await topRankOfStage(ws, p.id, s.id))),
    ),
  );
  return {
    context: {
      ...owners,
      pipelines,
      lostReasons: (lostReasons?.items ?? [])
        .filter((item) => !item.retired)
        .map((item) => ({ key: item.key, names: [item.label, lostReasonLabel(item)] })),
    },
    topRank: (pipelineId, stageId) => tops.get(`${pipelineId}/${stageId}`) ?? null,
  };
}
