/**
 * Proves at compile time (`npm run typecheck` includes tests/) that each record type derived from
 * its JSON schema (domain/schemas/*.ts, json-schema-to-ts) is exactly the interface that was
 * written by hand beside the schema before: the same fields, optionality, literal unions, Money.
 * A schema edit that changes a record's type fails here until the shape below is updated with it,
 * so the change is seen in review.
 */
import type { RecordBase, LostEdit, Owned, Address } from '@domain/schemas/record';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import type { Lead } from '@domain/schemas/lead';
import type { DealLine, Deal } from '@domain/schemas/deal';
import type { ScriptAnswer, Activity } from '@domain/schemas/activity';
import type { Stage, Pipeline } from '@domain/schemas/pipeline';
import type { StageChange } from '@domain/schemas/stage-change';
import type { ViewFilter, SavedView } from '@domain/schemas/saved-view';
import type { SettingItem, Setting } from '@domain/schemas/setting';
import type { UserProfile } from '@domain/schemas/user-profile';
import type { ActivityType, CallOutcome } from '@domain/schemas/activity';
import type { CompanySize } from '@domain/schemas/company';
import type { DealStatus } from '@domain/schemas/deal';
import type { LeadStatus } from '@domain/schemas/lead';
import type { Density, ViewSection } from '@domain/schemas/saved-view';
import type { SettingKind } from '@domain/schemas/setting';
import type { Locale, Role } from '@domain/schemas/user-profile';
import type { Money } from '@domain/money';
import type { IsoDate, IsoDateTime } from '@domain/time';

interface WrittenRecordBase {
  id: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  createdBy: string;
  updatedBy: string;
  hlc: string;
  clocks: Record<string, string>;
  deletedAt: IsoDateTime | null;
  lostEdits?: WrittenLostEdit[];
}

interface WrittenLostEdit {
  field: string;
  clock: string;
}

interface WrittenOwned {
  ownerId: string;
  teamId: string;
}

interface WrittenAddress {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

interface WrittenCompany extends WrittenRecordBase, WrittenOwned {
  name: string;
  nameKey: string;
  domain: string;
  industry: string;
  size: CompanySize | '';
  phone: string;
  website: string;
  address: WrittenAddress;
  tags: string[];
  notes: string;
}

interface WrittenContact extends WrittenRecordBase, WrittenOwned {
  firstName: string;
  lastName: string;
  nameKey: string;
  email: string;
  phone: string;
  mobile: string;
  title: string;
  companyId: string;
  address: WrittenAddress;
  source: string;
  tags: string[];
  notes: string;
}

interface WrittenLead extends WrittenRecordBase, WrittenOwned {
  firstName: string;
  lastName: string;
  nameKey: string;
  email: string;
  phone: string;
  companyName: string;
  title: string;
  interest: string;
  contactId: string;
  status: LeadStatus;
  source: string;
  estimatedValue: Money | null;
  disqualifyReason: string;
  qualifiedAt: IsoDateTime | null;
  convertedDealId: string;
  convertedAt: IsoDateTime | null;
  tags: string[];
  notes: string;
}

interface WrittenDealLine {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  discountBp: number;
}

interface WrittenDeal extends WrittenRecordBase, WrittenOwned {
  title: string;
  titleKey: string;
  pipelineId: string;
  stageId: string;
  stageEnteredAt: IsoDateTime;
  rank: string;
  value: Money;
  probability: number | null;
  expectedCloseDate: IsoDate | '';
  status: DealStatus;
  lostReason: string;
  closedAt: IsoDateTime | null;
  contactId: string;
  companyId: string;
  leadId: string;
  lines: WrittenDealLine[];
  tags: string[];
  notes: string;
}

interface WrittenScriptAnswer {
  questionId: string;
  question: string;
  answer: string;
}

interface WrittenActivity extends WrittenRecordBase, WrittenOwned {
  type: ActivityType;
  subject: string;
  body: string;
  dueAt: IsoDateTime;
  completedAt: IsoDateTime | null;
  durationSeconds: number;
  direction: '' | 'INBOUND' | 'OUTBOUND';
  outcome: CallOutcome;
  dealId: string;
  leadId: string;
  contactId: string;
  companyId: string;
  scriptAnswers: WrittenScriptAnswer[];
}

interface WrittenStage {
  id: string;
  name: string;
  probability: number;
  rottingDays: number;
  retired: boolean;
}

interface WrittenPipeline extends WrittenRecordBase {
  name: string;
  position: number;
  isDefault: boolean;
  currency: string;
  stages: WrittenStage[];
  teamId: string;
}

interface WrittenStageChange extends WrittenRecordBase, WrittenOwned {
  dealId: string;
  pipelineId: string;
  fromStageId: string;
  toStageId: string;
  fromStatus: DealStatus | '';
  toStatus: DealStatus;
  at: IsoDateTime;
  by: string;
}

interface WrittenViewFilter {
  field: string;
  op: 'eq' | 'neq' | 'contains' | 'in' | 'gte' | 'lte' | 'between' | 'empty' | 'notEmpty';
  value: string;
}

interface WrittenSavedView extends WrittenRecordBase {
  userId: string;
  sharedWithTeamId: string;
  section: ViewSection;
  name: string;
  filters: WrittenViewFilter[];
  sort: { field: string; direction: 'asc' | 'desc' }[];
  columns: { field: string; width: number }[];
  density: Density;
  position: number;
}

interface WrittenSettingItem {
  key: string;
  label: string;
  retired: boolean;
}

interface WrittenSetting extends WrittenRecordBase {
  kind: SettingKind;
  items: WrittenSettingItem[];
}

interface WrittenUserProfile extends WrittenRecordBase {
  name: string;
  email: string;
  role: Role;
  teamId: string;
  active: boolean;
  locale: Locale;
  avatarHue: number;
  keyBindings?: { command: string; keys: string[] }[];
}

/** True only when A and B are the same type (not merely assignable either way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when given `true`. */
type Holds<T extends true> = T;

export type DerivedTypesEqualWrittenOnes = [
  Holds<Equals<RecordBase, WrittenRecordBase>>,
  Holds<Equals<LostEdit, WrittenLostEdit>>,
  Holds<Equals<Owned, WrittenOwned>>,
  Holds<Equals<Address, WrittenAddress>>,
  Holds<Equals<Company, WrittenCompany>>,
  Holds<Equals<Contact, WrittenContact>>,
  Holds<Equals<Lead, WrittenLead>>,
  Holds<Equals<DealLine, WrittenDealLine>>,
  Holds<Equals<Deal, WrittenDeal>>,
  Holds<Equals<ScriptAnswer, WrittenScriptAnswer>>,
  Holds<Equals<Activity, WrittenActivity>>,
  Holds<Equals<Stage, WrittenStage>>,
  Holds<Equals<Pipeline, WrittenPipeline>>,
  // The one difference: the written type allowed `lostEdits`, which the schema refuses (history
  // is never merged, so it never loses an edit).
  Holds<Equals<StageChange, Omit<WrittenStageChange, 'lostEdits'>>>,
  Holds<Equals<ViewFilter, WrittenViewFilter>>,
  Holds<Equals<SavedView, WrittenSavedView>>,
  Holds<Equals<SettingItem, WrittenSettingItem>>,
  Holds<Equals<Setting, WrittenSetting>>,
  Holds<Equals<UserProfile, WrittenUserProfile>>,
];
