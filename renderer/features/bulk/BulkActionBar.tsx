import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BULK_CHANGES,
  planBulkEdit,
  skippedByReason,
  type BulkChange,
  type BulkChangeKind,
  type BulkCollection,
  type BulkSkipReason,
} from '@domain/bulk-edits';
import { reachOf, type Action } from '@domain/permissions';
import { useActor } from '../../auth/use-permissions';
import { applyBulkPlan, readBulkRecords, undoBulkRun, type BulkProgress, type BulkRun } from '../../db/bulk-writes';
import { useRxQuery } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { BulkChangeDialog } from './BulkChangeDialog';
import { offerBulkUndo } from './bulk-undo';
import './bulk.css';

/** Above this many records a change asks first, whatever it is. */
export const CONFIRM_ABOVE = 100;

export interface BulkActionBarProps {
  collection: BulkCollection;
  /** The rows selected in the record table. */
  selectedIds: readonly string[];
  /** Clears the table's selection (the bar's "Clear selection"). */
  onClearSelection?: () => void;
}

/** What each change needs of the user's role: a change their role cannot make is not offered. */
const NEEDS: Record<BulkChangeKind, Action> = {
  assignOwner: 'reassign',
  leadStatus: 'update',
  dealStage: 'update',
  dealStatus: 'close',
  addTag: 'update',
  removeTag: 'update',
  delete: 'delete',
};

type Why = 'permission' | 'state' | 'unchanged' | 'unsupported';
const whyOf = (reason: BulkSkipReason): Why =>
  reason === 'permission.denied' ? 'permission' : reason === 'unchanged' || reason === 'unsupported' ? reason : 'state';

/**
 * The record table's bar for the selected rows: assign, change status or stage, add or remove a
 * tag, delete — the changes the collection takes and the user's role may make. Each record is
 * judged by the rules the server applies (domain/bulk-edits.ts); the toast says how many changed
 * and why the others did not, and one Undo (or Ctrl/Cmd-Z) puts the whole run back.
 */
export function BulkActionBar({ collection, selectedIds, onClearSelection }: BulkActionBarProps) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const actor = useActor();
  const showToast = useUi((s) => s.showToast);
  const labelId = useId();
  const [dialog, setDialog] = useState<Exclude<BulkChangeKind, 'delete'> | null>(null);
  const [confirming, setConfirming] = useState<BulkChange | null>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const { docs: pipelines } = useRxQuery(
    'pipelines',
    collection === 'deals' ? { selector: { deletedAt: null } } : null,
  );
  const count = selectedIds.length;
  const offered = BULK_CHANGES[collection].filter((kind) => reachOf(actor, collection, NEEDS[kind]) !== 'none');
  const busy = progress !== null;

  const undo = (run: BulkRun<BulkCollection>) => {
    setProgress({ done: 0, total: run.edits.length });
    undoBulkRun(ws, run, setProgress)
      .then((restored) => showToast(t('bulk.undone', { count: restored })))
      .catch((error: unknown) =>
        showToast(t('bulk.failed', { message: String(error instanceof Error ? error.message : error) })),
      )
      .finally(() => setProgress(null));
  };

  const execute = async (change: BulkChange) => {
    setProgress({ done: 0, total: count });
    try {
      const records = await readBulkRecords(ws, collection, selectedIds);
      const plan = planBulkEdit(collection, records, change, {
        actor,
        at: new Date().toISOString(),
        pipelines: new Map(pipelines.map((p) => [p.id, p])),
      });
      const run = await applyBulkPlan(ws, collection, plan, setProgress);
      const skipped = [
        ...plan.skipped,
        ...selectedIds
          .filter((id) => !records.some((r) => r.id === id))
          .map((id) => ({ id, reason: 'permission.denied' as const })),
      ];
      const parts = [t('bulk.updated', { count: run.edits.length })];
      for (const { reason, count: n } of mergeWhy(skippedByReason(skipped))) {
        parts.push(t('bulk.skipped', { count: n, why: t(`bulk.why.${reason}`) }));
      }
      let undone = false;
      const undoOnce = () => {
        if (undone) return;
        undone = true;
        undo(run);
      };
      if (run.edits.length > 0) {
        offerBulkUndo(undoOnce);
        showToast(parts.join(' '), { label: t('common.undo'), run: undoOnce });
      } else {
        showToast(parts.join(' '));
      }
    } catch (error) {
      showToast(t('bulk.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setProgress(null);
    }
  };

  const start = (change: BulkChange) => {
    setDialog(null);
    if (change.kind === 'delete' || count > CONFIRM_ABOVE) setConfirming(change);
    else void execute(change);
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        {t('bulk.barLabel')}
      </span>
      <span className="bulk-bar-count" aria-live="polite">
        {t('bulk.selected', { count })}
      </span>
      {offered.includes('assignOwner') && (
        <button type="button" className="btn" disabled={busy} onClick={() => setDialog('assignOwner')}>
          {t('bulk.assign')}
        </button>
      )}
      {offered.includes('leadStatus') && (
        <button type="button" className="btn" disabled={busy} onClick={() => setDialog('leadStatus')}>
          {t('bulk.changeStatus')}
        </button>
      )}
      {offered.includes('dealStage') && (
        <button type="button" className="btn" disabled={busy} onClick={() => setDialog('dealStage')}>
          {t('bulk.changeStage')}
        </button>
      )}
      {offered.includes('dealStatus') && (
        <button type="button" className="btn" disabled={busy} onClick={() => setDialog('dealStatus')}>
          {t('bulk.changeStatus')}
        </button>
      )}
      {offered.includes('addTag') && (
        <button type="button" className="btn" disabled={busy} onClick={() => setDialog('addTag')}>
          {t('bulk.addTag')}
        </button>
      )}
      {offered.includes('removeTag') && (
        <button type="button" className="btn" disabled={busy} onClick={() => setDialog('removeTag')}>
          {t('bulk.removeTag')}
        </button>
      )}
      {offered.includes('delete') && (
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => start({ kind: 'delete' })}>
          {t('bulk.delete')}
        </button>
      )}
      {onClearSelection && (
        <button type="button" className="btn" disabled={busy} onClick={onClearSelection}>
          {t('bulk.clear')}
        </button>
      )}
      {progress && (
        <span role="status" className="bulk-bar-progress">
          <progress max={progress.total} value={progress.done} aria-hidden="true" />
          {t('bulk.progress', { done: progress.done, total: progress.total })}
        </span>
      )}
      {dialog && (
        <BulkChangeDialog kind={dialog} pipelines={pipelines} onCancel={() => setDialog(null)} onConfirm={start} />
      )}
      {confirming && (
        <ConfirmDialog
          title={
            confirming.kind === 'delete'
              ? t('bulk.confirmDeleteTitle', { count })
              : t('bulk.confirmManyTitle', { count })
          }
          body={confirming.kind === 'delete' ? t('bulk.confirmDeleteBody') : t('bulk.confirmManyBody', { count })}
          confirmLabel={confirming.kind === 'delete' ? t('bulk.delete') : t('bulk.confirmMany')}
          danger={confirming.kind === 'delete'}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const change = confirming;
            setConfirming(null);
            void execute(change);
          }}
        />
      )}
    </div>
  );
}

/** Skip reasons as the toast groups them: every state-machine refusal reads the same. */
function mergeWhy(counts: { reason: BulkSkipReason; count: number }[]): { reason: Why; count: number }[] {
  const merged = new Map<Why, number>();
  for (const { reason, count } of counts) merged.set(whyOf(reason), (merged.get(whyOf(reason)) ?? 0) + count);
  return [...merged].map(([reason, count]) => ({ reason, count }));
}
