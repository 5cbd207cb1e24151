import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDealWrite, dealFieldFixedByStatus } from '@domain/deal-lifecycle';
import { SUPPORTED_CURRENCIES } from '@domain/money';
import type { Deal } from '@domain/schemas/deal';
import { useCan } from '../../auth/use-permissions';
import { updateRecord } from '../../db/record-writes';
import { usePipelines } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { dealToForm, formToDeal, validateDeal, type DealFormValues } from './deal-form';

/** The deal fields the table edits in place, each as the form field it is in the drawer. */
export type InlineDealField = 'title' | 'value' | 'probability' | 'expectedCloseDate';

const FORM_FIELDS: Record<InlineDealField, readonly (keyof DealFormValues)[]> = {
  title: ['title'],
  value: ['amount', 'currency'],
  probability: ['probability'],
  expectedCloseDate: ['expectedCloseDate'],
};

const RECORD_FIELD: Record<InlineDealField, keyof Deal> = {
  title: 'title',
  value: 'value',
  probability: 'probability',
  expectedCloseDate: 'expectedCloseDate',
};

/**
 * The deals table's inline edits, judged as the drawer judges them: the form's checks
 * (validateDeal), then the rules every stored deal must satisfy (checkDealWrite). Only the edited
 * field is written. A field the deal's status decides (a closed deal's probability) and a deal the
 * reader may not change offer no edit.
 */
export function useDealInlineEdits(): (field: InlineDealField) => NonNullable<RecordColumn<Deal>['edit']> {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const ws = useWorkspace();
  const can = useCan();
  const { pipelines } = usePipelines();
  return useMemo(() => {
    const save = async (deal: Deal, field: InlineDealField, changes: Partial<DealFormValues>) => {
      const form = { ...dealToForm(deal), ...changes };
      const formError = FORM_FIELDS[field].map((f) => validateDeal(form, t, locale)[f]).find(Boolean);
      if (formError) throw new Error(formError);
      const all = formToDeal(form, locale, deal, new Date().toISOString());
      const patch = { [RECORD_FIELD[field]]: all[RECORD_FIELD[field]] } as Partial<Deal>;
      const pipeline = pipelines.find((p) => p.id === deal.pipelineId);
      const problems = describeDomainErrors(
        t,
        checkDealWrite(deal, { ...deal, ...patch }, pipeline, { nowMs: Date.now(), pipelineMayBePending: false }),
      );
      if (problems.length) throw new Error(problems.join(' '));
      await updateRecord(ws, 'deals', deal.id, patch);
    };
    const allowed = (field: InlineDealField) => (deal: Deal) =>
      can('update', 'deals', deal) && !dealFieldFixedByStatus(deal, RECORD_FIELD[field]);
    const edits: Record<InlineDealField, NonNullable<RecordColumn<Deal>['edit']>> = {
      title: {
        value: (d) => d.title,
        save: (d, title) => save(d, 'title', { title }),
        allowed: allowed('title'),
      },
      value: {
        value: (d) => dealToForm(d).amount,
        currency: { value: (d) => d.value.currency, options: SUPPORTED_CURRENCIES },
        save: (d, amount, currency) => save(d, 'value', { amount, currency: currency ?? d.value.currency }),
        allowed: allowed('value'),
      },
      probability: {
        value: (d) => dealToForm(d).probability,
        save: (d, probability) => save(d, 'probability', { probability }),
        allowed: allowed('probability'),
      },
      expectedCloseDate: {
        type: 'date',
        value: (d) => d.expectedCloseDate,
        save: (d, expectedCloseDate) => save(d, 'expectedCloseDate', { expectedCloseDate }),
        allowed: allowed('expectedCloseDate'),
      },
    };
    return (field) => edits[field];
  }, [t, locale, ws, can, pipelines]);
}
