import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '@domain/errors';
import { uuidv7 } from '@domain/ids';
import { SUPPORTED_CURRENCIES } from '@domain/money';
import {
  addStage,
  moveStage,
  parseStageDraft,
  restoreStage,
  retireStage,
  updateStage,
  type StageDraft,
  type StageEdit,
} from '@domain/pipeline-editing';
import { activeStages, findStage } from '@domain/pipeline-rules';
import type { Pipeline, Stage } from '@domain/schemas/pipeline';
import { useCan } from '../../auth/use-permissions';
import { PipelineSelect } from '../pipeline';
import { insertRecord, updateRecord } from '../../db/record-writes';
import { readRecord } from '../../db/record-reads';
import { usePipelines } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { moveOpenDealsOfStage } from './pipeline-editor/move-stage-deals';
import { RetireStageDialog } from './pipeline-editor/RetireStageDialog';
import { StageFields } from './pipeline-editor/StageFields';
import { StageRow } from './pipeline-editor/StageRow';
import { SettingListCard } from './SettingListCard';
import './pipeline-editor/pipeline-editor.css';

/**
 * Pipelines and their stages, for whoever may change them (the Sales Manager), followed by the
 * lists leads are worked with: where they come from and why they are disqualified.
 */
export function PipelinesCard() {
  const allowed = useCan();
  if (!allowed('update', 'pipelines', { ownerId: '', teamId: '' })) return null;
  return (
    <>
      <PipelinesEditor />
      <SettingListCard kind="lead-sources" />
      <SettingListCard kind="disqualify-reasons" />
    </>
  );
}

function PipelinesEditor() {
  const { t } = useTranslation();
  const id = useId();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  const { pipelines, loading } = usePipelines();
  const [selected, setSelected] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [retiring, setRetiring] = useState<Stage | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const pipeline = pipelines.find((p) => p.id === selected) ?? pipelines[0];

  const saveStages = async (target: Pipeline, result: Result<Stage[]>) => {
    if (!result.ok) {
      setProblems(describeDomainErrors(t, result.errors));
      return false;
    }
    setProblems([]);
    await updateRecord(ws, 'pipelines', target.id, { stages: result.value });
    return true;
  };

  const createPipeline = async () => {
    const base = t('pipeline.editor.newPipelineName');
    const taken = new Set(pipelines.map((p) => p.name));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    const created = await insertRecord(ws, 'pipelines', {
      name,
      position: pipelines.reduce((max, p) => Math.max(max, p.position + 1), 0),
      isDefault: pipelines.length === 0,
      currency: pipeline?.currency ?? 'USD',
      teamId: '',
      stages: [
        { id: uuidv7(), name: t('pipeline.editor.firstStageName'), probability: 10, rottingDays: 14, retired: false },
      ],
    });
    setSelected(created.id);
  };

  return (
    <section className="card settings-card pipelines-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('pipeline.editor.title')}</h2>
      <p className="muted">{t('pipeline.editor.hint')}</p>
      {!loading && (
        <div className="settings-row">
          {pipeline && (
            <PipelineSelect
              label={t('pipeline.editor.choose')}
              pipelines={pipelines}
              value={pipeline.id}
              onChange={setSelected}
            />
          )}
          <button type="button" className="btn" onClick={() => void createPipeline()}>
            + {t('pipeline.editor.addPipeline')}
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <div className="form-banner" role="alert">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      {pipeline && (
        <PipelineForm
          key={`${pipeline.id}|${pipeline.name}|${pipeline.currency}`}
          pipeline={pipeline}
          onSave={async (patch) => {
            await updateRecord(ws, 'pipelines', pipeline.id, patch);
            showToast(t('pipeline.editor.saved'));
          }}
        />
      )}
      {pipeline && (
        <>
          <h3>{t('pipeline.editor.stages')}</h3>
          <ol className="stage-list">
            {activeStages(pipeline).map((stage, index, list) => (
              <StageRow
                key={`${stage.id}|${stage.name}|${stage.probability}|${stage.rottingDays}`}
                stage={stage}
                isFirst={index === 0}
                isLast={index === list.length - 1}
                canRetire={list.length > 1}
                onSave={(edit) => void saveStages(pipeline, updateStage(pipeline, stage.id, edit))}
                onMove={(step) => void saveStages(pipeline, moveStage(pipeline, stage.id, step))}
                onRetire={() => setRetiring(stage)}
              />
            ))}
          </ol>
          <AddStageForm onAdd={(edit) => saveStages(pipeline, addStage(pipeline, uuidv7(), edit))} />
          {pipeline.stages.some((s) => s.retired) && (
            <>
              <h3>{t('pipeline.editor.retiredStages')}</h3>
              <ul className="stage-list">
                {pipeline.stages
                  .filter((s) => s.retired)
                  .map((stage) => (
                    <li key={stage.id} className="stage-row stage-row-retired">
                      <span>{stage.name}</span>
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        onClick={() => void saveStages(pipeline, restoreStage(pipeline, stage.id))}
                      >
                        {t('pipeline.editor.restore', { stage: stage.name })}
                      </button>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </>
      )}
      {pipeline && retiring && (
        <RetireStageDialog
          pipeline={pipeline}
          stage={retiring}
          progress={progress}
          onCancel={() => setRetiring(null)}
          onConfirm={(targetId) => {
            void (async () => {
              const check = retireStage(pipeline, retiring.id, targetId);
              if (!check.ok) {
                setProblems(describeDomainErrors(t, check.errors));
                setRetiring(null);
                return;
              }
              try {
                // Deals first, while the stage still takes moves; then the stage retires.
                await moveOpenDealsOfStage(ws, pipeline, retiring.id, targetId, (done, total) =>
                  setProgress({ done, total }),
                );
                const fresh = await readRecord(ws, 'pipelines', pipeline.id);
                const saved = fresh && (await saveStages(fresh, retireStage(fresh, retiring.id, targetId)));
                if (saved) {
                  showToast(
                    t('pipeline.editor.retiredToast', {
                      stage: retiring.name,
                      target: findStage(pipeline, targetId)?.name ?? '',
                    }),
                  );
                }
              } catch (error) {
                setProblems([
                  t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }),
                ]);
              } finally {
                setProgress(null);
                setRetiring(null);
              }
            })();
          }}
        />
      )}
    </section>
  );
}

function PipelineForm({
  pipeline,
  onSave,
}: {
  pipeline: Pipeline;
  onSave: (patch: Pick<Pipeline, 'name' | 'currency'>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(pipeline.name);
  const [currency, setCurrency] = useState(pipeline.currency);
  const dirty = name !== pipeline.name || currency !== pipeline.currency;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && name.trim()) void onSave({ name: name.trim(), currency });
  };
  return (
    <form className="settings-row" onSubmit={submit} aria-label={pipeline.name}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('pipeline.editor.pipelineName')}</label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>{t('pipeline.editor.currency')}</label>
        <select id={`${id}-currency`} className="select" value={currency} onChange={(e) => setCurrency(e.target.value)}>
          {SUPPORTED_CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn" disabled={!dirty || !name.trim()}>
        {t('pipeline.editor.savePipeline')}
      </button>
    </form>
  );
}

function AddStageForm({ onAdd }: { onAdd: (edit: StageEdit) => Promise<boolean> }) {
  const { t } = useTranslation();
  const empty: StageDraft = { name: '', probability: '50', rottingDays: '14' };
  const [draft, setDraft] = useState(empty);
  const { edit } = parseStageDraft(draft);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!edit) return;
    if (await onAdd(edit)) setDraft({ ...draft, name: '' });
  };
  return (
    <form
      className="stage-row-form stage-add"
      onSubmit={(e) => void submit(e)}
      aria-label={t('pipeline.editor.addStage')}
    >
      <StageFields draft={draft} onChange={setDraft} nameLabel={t('pipeline.editor.newStageName')} />
      <div className="stage-row-actions">
        <button type="submit" className="btn btn-small" disabled={!edit}>
          + {t('pipeline.editor.addStage')}
        </button>
      </div>
    </form>
  );
}
