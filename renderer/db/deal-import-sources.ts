import type { DealImportContext, ImportUser } from '@domain/csv-import';
import { SETTING_IDS } from '@domain/default-records';
import { emailKey } from '@domain/duplicates';
import { activeStages } from '@domain/pipeline-rules';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { SettingItem } from '@domain/schemas/setting';
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
  const [pipelineDocs, userDocs, lostReasons] = await Promise.all([
    ws.db.pipelines.find({ selector: { deletedAt: null } }).exec(),
    ws.db.users.find({ selector: { deletedAt: null } }).exec(),
    ws.db.settings.findOne(SETTING_IDS['lost-reasons']).exec(),
  ]);
  const pipelines = pipelineDocs.map((doc) => doc.toJSON() as Pipeline);
  const users = new Map<string, ImportUser>();
  const teamMemberIds = [ws.user.id];
  for (const doc of userDocs) {
    const user = doc.toJSON();
    const key = emailKey(user.email);
    if (key) users.set(key, { id: user.id, teamId: user.teamId, active: user.active });
    if (ws.user.teamId && user.teamId === ws.user.teamId && user.id !== ws.user.id) teamMemberIds.push(user.id);
  }
  const tops = new Map<string, string | null>();
  await Promise.all(
    pipelines.flatMap((p) =>
      activeStages(p).map(async (s) => tops.set(`${p.id}/${s.id}`, await topRankOfStage(ws, p.id, s.id))),
    ),
  );
  return {
    context: {
      pipelines,
      userByEmail: (key) => users.get(key),
      lostReasons: (lostReasons?.items ?? [])
        .filter((item) => !item.retired)
        .map((item) => ({ key: item.key, names: [item.label, lostReasonLabel(item)] })),
      actor: { id: ws.user.id, role: ws.user.role, teamId: ws.user.teamId, teamMemberIds },
    },
    topRank: (pipelineId, stageId) => tops.get(`${pipelineId}/${stageId}`) ?? null,
  };
}
