import { createRecord } from '@domain/record-edits';
import type { Activity, ActivityType, CallOutcome } from '@domain/schemas/activity';
import { toIso } from '@domain/time';
import type { ContactParts, DemoContacts } from './demo-contacts';
import { DAY, MINUTE, type DemoContext } from './demo-context';
import type { DemoDeals } from './demo-deals';
import { ID_KIND } from './demo-ids';
import type { DemoLeads, LeadParts } from './demo-leads';
import { ACTIVITY_NOTES, ACTIVITY_SUBJECTS, SCRIPT_QUESTIONS, type Language } from './vocabulary';

/** Share of activities attached to deals and to leads; the rest are on contacts. */
const ACTIVITY_SHARE = { deals: 0.45, leads: 0.35 } as const;

/** Activity a of the workspace: calls, emails, meetings and follow-ups on deals, leads and contacts. */
export function createDemoActivities(world: DemoContext, contacts: DemoContacts, leads: DemoLeads, deals: DemoDeals) {
  const { counts, nowMs, latestMs, streamOf, idOf, ctx, officeTime } = world;
  const { contactParts } = contacts;
  const { leadParts } = leads;
  const { deal } = deals;

  const activityBlocks = {
    deals: Math.round(counts.activities * ACTIVITY_SHARE.deals),
    leads: Math.round(counts.activities * ACTIVITY_SHARE.leads),
  };
  // Consecutive activities share a parent, so one cached parent saves rebuilding it.
  const cache = {
    deal: { j: -1, value: null as ReturnType<typeof deal> | null },
    lead: { i: -1, value: null as LeadParts | null },
  };
  const cachedDeal = (j: number) => {
    if (cache.deal.j !== j) cache.deal = { j, value: deal(j) };
    return cache.deal.value!;
  };
  const cachedLead = (i: number) => {
    if (cache.lead.i !== i) cache.lead = { i, value: leadParts(i) };
    return cache.lead.value!;
  };
  let cachedContact: { c: number; value: ContactParts } | null = null;

  function activity(a: number): Activity {
    const r = streamOf(ID_KIND.activities, a);
    let parent: { dealId: string; leadId: string; contactId: string; companyId: string };
    let owner: { id: string; teamId: string };
    let window: [number, number];
    let lang: Language;
    let kinds: readonly (readonly [ActivityType, number])[];
    if (a < activityBlocks.deals) {
      const j = Math.floor((a * counts.deals) / activityBlocks.deals);
      const { deal: d, lang: dealLang } = cachedDeal(j);
      parent = { dealId: d.id, leadId: '', contactId: d.contactId, companyId: d.companyId };
      owner = { id: d.ownerId, teamId: d.teamId };
      window = [Date.parse(d.createdAt), d.closedAt ? Date.parse(d.closedAt) : nowMs + 21 * DAY];
      lang = dealLang;
      kinds = [
        ['CALL', 35],
        ['EMAIL', 30],
        ['MEETING', 20],
        ['FOLLOW_UP', 15],
      ];
    } else if (a < activityBlocks.deals + activityBlocks.leads) {
      const i = Math.floor(((a - activityBlocks.deals) * counts.leads) / activityBlocks.leads);
      const parts = cachedLead(i);
      const l = parts.lead;
      parent = { dealId: '', leadId: l.id, contactId: l.contactId, companyId: '' };
      owner = { id: l.ownerId, teamId: l.teamId };
      window = [Date.parse(l.createdAt), parts.closedMs ?? nowMs + 10 * DAY];
      lang = parts.lang;
      kinds = [
        ['CALL', 60],
        ['EMAIL', 30],
        ['FOLLOW_UP', 10],
      ];
    } else {
      const rest = counts.activities - activityBlocks.deals - activityBlocks.leads;
      const c = Math.floor(((a - activityBlocks.deals - activityBlocks.leads) * counts.contacts) / Math.max(1, rest));
      if (cachedContact?.c !== c) cachedContact = { c, value: contactParts(c) };
      const { contact, lang: contactLang } = cachedContact.value;
      parent = { dealId: '', leadId: '', contactId: contact.id, companyId: contact.companyId };
      owner = { id: contact.ownerId, teamId: contact.teamId };
      window = [Date.parse(contact.createdAt), nowMs + 14 * DAY];
      lang = contactLang;
      kinds = [
        ['CALL', 40],
        ['EMAIL', 35],
        ['MEETING', 15],
        ['FOLLOW_UP', 10],
      ];
    }

    const [from, to] = window;
    const dueMs = Math.floor(
      Math.max(from + MINUTE, officeTime(from + MINUTE + r.next() * Math.max(0, to - from - MINUTE))),
    );
    let type = r.weighted(kinds);
    const past = dueMs < nowMs;
    if (!past && type === 'EMAIL') type = 'FOLLOW_UP';
    const done = past && (type === 'CALL' || type === 'EMAIL' || r.chance(0.85));
    let outcome: CallOutcome = '';
    let durationSeconds = 0;
    let direction: Activity['direction'] = '';
    if (type === 'CALL') {
      direction = r.chance(0.8) ? 'OUTBOUND' : 'INBOUND';
      if (done) {
        outcome = r.weighted([
          ['CONNECTED', 50],
          ['NO_ANSWER', 25],
          ['VOICEMAIL', 15],
          ['BUSY', 5],
          ['WRONG_NUMBER', 5],
        ] as const);
        durationSeconds =
          outcome === 'CONNECTED' ? r.int(90, 1800) : outcome === 'VOICEMAIL' ? r.int(20, 75) : r.int(0, 30);
      }
    } else if (type === 'EMAIL') {
      direction = r.chance(0.7) ? 'OUTBOUND' : 'INBOUND';
    } else if (type === 'MEETING') {
      durationSeconds = r.pick([1800, 2700, 3600]);
    }
    const completedMs = done ? Math.min(latestMs, dueMs + durationSeconds * 1000) : null;
    const createdMs = Math.floor(
      Math.min(latestMs, completedMs ?? Math.max(from + MINUTE, Math.min(dueMs, nowMs) - r.between(0.5, 10) * DAY)),
    );
    const scriptAnswers =
      type === 'CALL' && outcome === 'CONNECTED' && parent.leadId
        ? SCRIPT_QUESTIONS[lang].map(([questionId, question, answers]) => ({
            questionId,
            question,
            answer: r.pick(answers),
          }))
        : [];
    return createRecord(
      'activities',
      idOf(createdMs, ID_KIND.activities, a),
      {
        type,
        subject: r.pick(ACTIVITY_SUBJECTS[type][lang]),
        body: done ? r.pick(ACTIVITY_NOTES[lang]) : '',
        dueAt: toIso(dueMs),
        completedAt: completedMs === null ? null : toIso(completedMs),
        durationSeconds,
        direction,
        outcome,
        ...parent,
        scriptAnswers,
        ownerId: owner.id,
        teamId: owner.teamId,
      },
      ctx(createdMs, owner.id),
    );
  }

  return { activity };
}
