import { domainError, fail, ok, type Result } from './errors';
import type { Money } from './money';
import { firstStage, findStage } from './pipeline-rules';
import type { Contact } from './schemas/contact';
import type { Deal } from './schemas/deal';
import type { Lead } from './schemas/lead';
import type { Pipeline } from './schemas/pipeline';
import type { StageChangeBody } from './deal-lifecycle';
import type { IsoDateTime } from './time';

type NewBody<T> = Omit<
  T,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'hlc' | 'clocks' | 'deletedAt' | 'nameKey' | 'titleKey'
>;

export interface ConversionInput {
  pipeline: Pipeline;
  /** Defaults to the pipeline's first active stage. */
  stageId?: string;
  title: string;
  value: Money;
  expectedCloseDate: string;
  ownerId: string;
  teamId: string;
  /** Link to an existing contact instead of creating one from the lead. */
  existingContact?: Contact;
  /** The company to file a new contact under ('' for B2C). */
  companyId: string;
  ids: { deal: string; contact: string; stageChange: string };
  rank: string;
  at: IsoDateTime;
  by: string;
}

export interface ConversionPlan {
  leadPatch: Partial<Lead>;
  /** A contact to create from the lead's details, or null when linking an existing one. */
  newContact: (NewBody<Contact> & { id: string }) | null;
  deal: NewBody<Deal> & { id: string };
  stageChange: StageChangeBody & { id: string };
}

/**
 * Conversion turns a QUALIFIED lead into an OPEN deal in the first stage of the chosen pipeline,
 * creating the contact from the lead (or linking an existing one) and marking the lead CONVERTED
 * with links to both. Only a QUALIFIED lead converts; anything else is refused with the reason.
 */
export function convertLeadToDeal(lead: Lead, input: ConversionInput): Result<ConversionPlan> {
  if (lead.status !== 'QUALIFIED') {
    return fail(
      domainError('lead.convertNotQualified', `only a QUALIFIED lead can be converted; this lead is ${lead.status}`, {
        from: lead.status,
      }),
    );
  }
  const stage = input.stageId ? findStage(input.pipeline, input.stageId) : firstStage(input.pipeline);
  if (!stage) return fail(domainError('deal.unknownStage', 'that stage is not in the deal’s pipeline'));
  if (stage.retired)
    return fail(domainError('deal.retiredStage', `stage "${stage.name}" is retired`, { stage: stage.name }));

  const contactId = input.existingContact?.id ?? (lead.contactId || input.ids.contact);
  const newContact: ConversionPlan['newContact'] =
    input.existingContact || lead.contactId
      ? null
      : {
          id: input.ids.contact,
          firstName: lead.firstName,
          lastName: lead.lastName,
          email: lead.email,
          phone: lead.phone,
          mobile: '',
          title: lead.title,
          companyId: input.companyId,
          address: {},
          source: lead.source,
          tags: [...lead.tags],
          notes: '',
          ownerId: input.ownerId,
          teamId: input.teamId,
        };
  const companyId = input.existingContact?.companyId ?? input.companyId;

  const deal: ConversionPlan['deal'] = {
    id: input.ids.deal,
    title: input.title.trim() || [lead.companyName, lead.lastName].filter(Boolean).join(' — '),
    pipelineId: input.pipeline.id,
    stageId: stage.id,
    stageEnteredAt: input.at,
    rank: input.rank,
    value: input.value,
    probability: null,
    expectedCloseDate: input.expectedCloseDate,
    status: 'OPEN',
    lostReason: '',
    closedAt: null,
    contactId,
    companyId,
    leadId: lead.id,
    lines: [],
    tags: [...lead.tags],
    notes: lead.notes,
    ownerId: input.ownerId,
    teamId: input.teamId,
  };
  return ok({
    leadPatch: { status: 'CONVERTED', convertedDealId: deal.id, convertedAt: input.at, contactId },
    newContact,
    deal,
    stageChange: {
      id: input.ids.stageChange,
      dealId: deal.id,
      pipelineId: input.pipeline.id,
      fromStageId: '',
      toStageId: stage.id,
      fromStatus: '',
      toStatus: 'OPEN',
      at: input.at,
      by: input.by,
      ownerId: input.ownerId,
      teamId: input.teamId,
    },
  });
}
