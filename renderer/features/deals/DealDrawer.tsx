import { useTranslation } from 'react-i18next';
import { Handshake } from 'lucide-react';
import {
  checkDealWrite,
  dealCreatedChange,
  dealFieldFixedByStatus,
  effectiveProbability,
  moveDealToStage,
} from '@domain/deal-lifecycle';
import { personName } from '@domain/derived-fields';
import { uuidv7 } from '@domain/ids';
import { SUPPORTED_CURRENCIES } from '@domain/money';
import { activeStages, findStage } from '@domain/pipeline-rules';
import { rankBetween } from '@domain/ranks';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import type { Deal } from '@domain/schemas/deal';
import { insertRecord } from '../../db/record-writes';
import { topRankOfStage } from '../../db/stage-deals';
import { useCan } from '../../auth/use-permissions';
import { useRecord, useRxQuery } from '../../db/use-rx';
import { usePipelines } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { EmptyState } from '../../ui/EmptyState';
import { MoneyField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { RecordEditor, type EditorSpec } from '../../ui/RecordEditor';
import { RecordPicker } from '../../ui/RecordPicker';
import { RightDetailDrawer } from '../../ui/RightDetailDrawer';
import { useUi } from '../../shell/ui-store';
import { dealToForm, formToDeal, validateDeal, type DealFormValues } from './deal-form';
import { DealStatusBar } from './DealStatusBar';
import { StageHistory } from './StageHistory';
import { ActivityTimeline } from '../activities';

export function DealDrawer({ id, prefill }: { id: string | 'new'; prefill?: Record<string, string> | undefined }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const closeDrawer = useUi((s) => s.closeDrawer);
  const record = useRecord('deals', id === 'new' ? null : id);
  const { pipelines, loading } = usePipelines();
  const allowed = useCan();
  const { docs: users } = useRxQuery('users', { selector: { deletedAt: null }, sort: [{ email: 'asc' }] });
  if (record === undefined || loading) return null;
  const locale = i18n.language;
  const defaultPipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0];
  if (!record && !defaultPipeline) {
    return (
      <RightDetailDrawer title={t('deals.new')} onClose={closeDrawer}>
        <EmptyState icon={Handshake} title={t('deals.needsPipeline')} hint="" />
      </RightDetailDrawer>
    );
  }
  const pipelineOf = (pipelineId: string) => pipelines.find((p) => p.id === pipelineId);

  const spec: EditorSpec<'deals', DealFormValues> = {
    collection: 'deals',
    describe: (d) => d.title,
    newTitle: t('deals.new'),
    validate: (v) => validateDeal(v, t, locale),
    toRecord: (v, r) => formToDeal(v, locale, r, new Date().toISOString()),
    checkBeforeSave: (v, r) => {
      const after = { ...(r ?? newDealShape()), ...formToDeal(v, locale, r, new Date().toISOString()) } as Deal;
      // This device holds every pipeline it could put a deal in: an unknown one is a mistake here.
      const context = { nowMs: Date.now(), pipelineMayBePending: false };
      return describeDomainErrors(t, checkDealWrite(r, after, pipelineOf(after.pipelineId), context));
    },
    newRecordDefaults: async (v) => {
      // New deals go to the top of their column: a rank before the column's first card.
      const top = await topRankOfStage(ws, v.pipelineId, v.stageId);
      return {
        ...newDealShape(),
        ownerId: ws.user.id,
        teamId: ws.user.teamId,
        rank: rankBetween(null, top),
      };
    },
    afterSave: async (before, after) => {
      const at = new Date().toISOString();
      if (!before) {
        await insertRecord(ws, 'stage_changes', dealCreatedChange(after, at, ws.user.id), uuidv7());
      } else if (before.stageId !== after.stageId) {
        const pipeline = pipelineOf(after.pipelineId);
        const move =
          pipeline &&
          moveDealToStage({ ...before, pipelineId: after.pipelineId }, pipeline, after.stageId, at, ws.user.id);
        if (move?.ok && move.value?.change) await insertRecord(ws, 'stage_changes', move.value.change, uuidv7());
      }
    },
  };

  const firstStageId = defaultPipeline ? (activeStages(defaultPipeline)[0]?.id ?? '') : '';
  const initial: DealFormValues = record
    ? dealToForm(record)
    : {
        title: '',
        pipelineId: defaultPipeline?.id ?? '',
        stageId: firstStageId,
        amount: '',
        currency: defaultPipeline?.currency ?? 'USD',
        probability: '',
        expectedCloseDate: '',
        contactId: prefill?.contactId ?? '',
        companyId: prefill?.companyId ?? '',
        ownerId: ws.user.id,
        tags: '',
        notes: '',
      };

  return (
    <RecordEditor
      key={id}
      spec={spec}
      record={record}
      initial={initial}
      draftKey={`deals:${id}`}
      intro={
        record ? (
          <>
            <DealStatusBar deal={record} pipeline={pipelineOf(record.pipelineId)} />
            {record.closedAt && (
              <p className="muted">
                {t(record.status === 'WON' ? 'pipeline.wonOn' : 'pipeline.lostOn', {
                  date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
                    new Date(record.closedAt),
                  ),
                })}
              </p>
            )}
          </>
        ) : undefined
      }
      fields={(v, update, errors) => {
        const pipeline = pipelineOf(v.pipelineId);
        const stage = pipeline ? findStage(pipeline, v.stageId) : undefined;
        // What a closed deal's status decides (domain/deal-lifecycle), as its inline edit does: its
        // pipeline and stage, and its probability, shown as the status sets it and not typed in
        // until reopened.
        const fixed = (field: keyof Deal) => record !== null && dealFieldFixedByStatus(record, field);
        return (
          <>
            <TextField
              label={t('deals.fields.title')}
              value={v.title}
              onChange={(title) => update({ title })}
              error={errors.title}
              required
              wide
            />
            <SelectField
              label={t('deals.fields.pipeline')}
              value={v.pipelineId}
              onChange={(pipelineId) =>
                update({ pipelineId, stageId: activeStages(pipelineOf(pipelineId)!)[0]?.id ?? '' })
              }
              options={pipelines.map((p) => ({
                value: p.id,
                label: p.name,
                disabled: p.id !== v.pipelineId && fixed('pipelineId'),
              }))}
            />
            <SelectField
              label={t('deals.fields.stage')}
              value={v.stageId}
              onChange={(stageId) => update({ stageId })}
              error={errors.stageId}
              options={(pipeline?.stages ?? []).map((s) => ({
                value: s.id,
                label: s.name,
                disabled: (s.retired && s.id !== v.stageId) || fixed('stageId'),
              }))}
            />
            <MoneyField
              label={t('deals.fields.value')}
              amount={v.amount}
              currency={v.currency}
              currencies={SUPPORTED_CURRENCIES}
              currencyLabel={t('deals.fields.currency')}
              onAmountChange={(amount) => update({ amount })}
              onCurrencyChange={(currency) => update({ currency })}
              error={errors.amount}
            />
            {record && record.status !== 'OPEN' && fixed('probability') ? (
              <TextField
                label={t('deals.fields.probability')}
                value={String(effectiveProbability(record, stage))}
                onChange={() => {}}
                readOnly
                hint={t(`deals.fields.probabilityFixed.${record.status}`)}
              />
            ) : (
              <TextField
                label={t('deals.fields.probability')}
                value={v.probability}
                onChange={(probability) => update({ probability })}
                error={errors.probability}
                hint={t('deals.fields.probabilityHint', {
                  value: effectiveProbability({ probability: null, status: 'OPEN' }, stage),
                })}
              />
            )}
            <TextField
              label={t('deals.fields.expectedCloseDate')}
              type="date"
              value={v.expectedCloseDate}
              onChange={(expectedCloseDate) => update({ expectedCloseDate })}
            />
            <RecordPicker<Contact>
              collection="contacts"
              label={t('deals.fields.contact')}
              value={v.contactId}
              onChange={(contactId) => update({ contactId })}
              describe={(c) => [personName(c), c.email].filter(Boolean).join(' · ')}
              emptyLabel={t('common.none')}
            />
            <RecordPicker<Company>
              collection="companies"
              label={t('deals.fields.company')}
              value={v.companyId}
              onChange={(companyId) => update({ companyId })}
              describe={(c) => c.name}
              emptyLabel={t('common.none')}
            />
            <SelectField
              label={t('common.owner')}
              value={v.ownerId}
              onChange={(ownerId) => update({ ownerId })}
              options={(users.some((u) => u.id === v.ownerId) || !v.ownerId
                ? users
                : [...users, { id: v.ownerId, name: t('common.unknown') }]
              ).map((u) => ({
                value: u.id,
                label: u.name,
                // Handing a deal to someone else is a reassignment, which not every role may do.
                disabled: record !== null && u.id !== record.ownerId && !allowed('reassign', 'deals', record),
              }))}
            />
            <TextField
              label={t('common.tags')}
              value={v.tags}
              onChange={(tags) => update({ tags })}
              hint={t('common.tagsHint')}
              wide
            />
            <TextAreaField label={t('common.notes')} value={v.notes} onChange={(notes) => update({ notes })} wide />
          </>
        );
      }}
    >
      {record && (
        <>
          <ActivityTimeline links={{ dealId: record.id, contactId: record.contactId, companyId: record.companyId }} />
          <StageHistory deal={record} pipeline={pipelineOf(record.pipelineId)} />
        </>
      )}
    </RecordEditor>
  );
}

function newDealShape(): Partial<Deal> {
  return {
    status: 'OPEN',
    lostReason: '',
    closedAt: null,
    leadId: '',
    lines: [],
    stageEnteredAt: new Date().toISOString(),
    rank: 'i',
  };
}
