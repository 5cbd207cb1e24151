import { canonicalJson, sameValue } from '../../domain/canonical-json';
import { DEFAULT_PIPELINE_ID, SETTING_IDS } from '../../domain/default-records';
import { compareHlc } from '../../domain/hlc';
import type { ConflictEntry, RejectedChange } from '../../renderer/db/sync/sync-journal';
import type { StoredRecord } from '../../sync-server/store/store';
import { DEVICE_COLLECTIONS, type CreatedRecord, type DeviceCollection, type FieldEdit } from '../support/device-ops';
import type { DeviceSnapshot } from '../support/device-worker-protocol';
import type { CommittedVersion } from '../support/recording-server';

/** Everything the checks look at once the system has gone quiet. */
export interface ConvergenceEvidence {
  devices: {
    name: string;
    snapshot: DeviceSnapshot;
    /** Every field this device's user wrote, in the order written. */
    edits: FieldEdit[];
    created: CreatedRecord[];
  }[];
  server: Record<DeviceCollection, StoredRecord[]>;
  /** Every record version the server committed, in commit order (across restarts). */
  committed: readonly CommittedVersion[];
}

type Body = Record<string, unknown>;
const key = (collection: string, id: string) => `${collection}/${id}`;
const fieldKey = (collection: string, id: string, field: string) => `${collection}/${id}.${field}`;
const clockOf = (body: Body | undefined, field: string) =>
  (body?.clocks as Record<string, string> | undefined)?.[field] ?? '';
const show = (value: unknown) => {
  const text = canonicalJson(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * The convergence properties, as a list of problems (empty when all hold):
 *
 * 1. Every replica equals the server, record for record and field for field.
 * 2. Every record any device created (contacts, deals, calls, stage changes) is on the server and on
 *    every device, exactly once; the server removed nothing.
 * 3. Nothing is left to push: no device has pending changes.
 * 4. The server's state is explained by the users' edits: each field's clock names an edit that
 *    wrote exactly that value (or is empty and the field has its creation value), and no field's
 *    clock ever went backwards from one committed version to the next.
 * 5. Nothing disappears silently: each device's last edit of each field either survived, or reached
 *    the server (it, or an identical value at least as new, was committed there and overwritten
 *    later by someone who had seen it), or is in that device's conflict log (lost a merge) or
 *    rejection list (refused by the server). An edit the server held that a concurrent edit then
 *    replaced unseen must be in its author's log, whichever device reconnected first. No edit ends
 *    older than the final state unless it was refused.
 * 6. The logs tell the truth: a conflict entry names an edit that device really made of that field and
 *    that really lost (its clock is older than the final one), and a value someone really wrote.
 */
export function checkConvergence(evidence: ConvergenceEvidence): string[] {
  const problems: string[] = [];
  const server = new Map<string, StoredRecord>();
  for (const collection of DEVICE_COLLECTIONS) {
    for (const record of evidence.server[collection]) server.set(key(collection, record.id), record);
  }

  // 2. Creations: on the server, once each.
  const created = new Map<string, CreatedRecord>();
  for (const device of evidence.devices) {
    for (const record of device.created) {
      const k = key(record.collection, record.id);
      // The pipeline has a fixed id: several devices may create "the same" record.
      if (created.has(k) && record.collection !== 'pipelines') problems.push(`${k} was created twice`);
      if (!created.has(k)) created.set(k, record);
    }
  }
  for (const [k, record] of created) {
    const stored = server.get(k);
    const refused = evidence.devices.some((d) =>
      d.snapshot.rejections.some((r) => key(r.collection, r.recordId) === k),
    );
    if (!stored && !refused) problems.push(`${k} (created ${record.hlc}) never reached the server`);
  }
  // The server writes the workspace's default records itself when its first user signs in.
  const writtenBySetup = new Set([
    key('pipelines', DEFAULT_PIPELINE_ID),
    ...Object.values(SETTING_IDS).map((id) => key('settings', id)),
  ]);
  for (const [k, stored] of server) {
    if (!created.has(k) && !writtenBySetup.has(k)) problems.push(`the server has ${k}, which no device created`);
    if (stored.deleted) problems.push(`the server removed ${k}`);
  }

  // 1. Every replica equals the server.
  for (const device of evidence.devices) {
    for (const collection of DEVICE_COLLECTIONS) {
      const local = new Map(device.snapshot.records[collection].map((doc) => [String(doc.id), doc]));
      for (const stored of evidence.server[collection]) {
        const doc = local.get(stored.id);
        if (!doc) {
          problems.push(`${device.name} lacks ${key(collection, stored.id)}`);
          continue;
        }
        if (canonicalJson(doc) !== canonicalJson(stored.body)) {
          const fields = [...new Set([...Object.keys(doc), ...Object.keys(stored.body)])].filter(
            (f) => !sameValue(doc[f], stored.body[f]),
          );
          problems.push(
            `${device.name} differs from the server on ${key(collection, stored.id)}: ${fields
              .map((f) => `${f} ${show(doc[f])} vs server ${show(stored.body[f])}`)
              .join('; ')}`,
          );
        }
        local.delete(stored.id);
      }
      for (const id of local.keys()) problems.push(`${device.name} has ${key(collection, id)}, the server does not`);
    }
    // 3. Nothing left to push.
    const pending = Object.entries(device.snapshot.pendingEntries).map(([k, hlc]) => `${k}@${hlc}`);
    if (device.snapshot.status.pending !== 0 || pending.length) {
      problems.push(
        `${device.name} still has ${device.snapshot.status.pending} pending change(s): ${pending.slice(0, 5).join(', ')}`,
      );
    }
    for (const error of device.snapshot.workerErrors) problems.push(`${device.name}: ${error.split('\n')[0]}`);
  }

  // 4. The server's fields are explained by edits, and field clocks only move forward.
  const editsByClock = new Map<string, FieldEdit[]>();
  for (const device of evidence.devices) {
    for (const edit of device.edits) {
      const k = `${fieldKey(edit.collection, edit.id, edit.field)}@${edit.hlc}`;
      const same = editsByClock.get(k) ?? [];
      same.push(edit);
      editsByClock.set(k, same);
    }
  }
  for (const [k, stored] of server) {
    const origin = created.get(k);
    for (const [field, value] of Object.entries(stored.body)) {
      if (['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'hlc', 'clocks', 'lostEdits'].includes(field))
        continue;
      if (['nameKey', 'titleKey'].includes(field)) continue;
      const clock = clockOf(stored.body, field);
      if (!clock) {
        if (origin && !sameValue(origin.body[field], value)) {
          problems.push(
            `${k}.${field} is ${show(value)} with no edit clock, but was created as ${show(origin.body[field])}`,
          );
        }
        continue;
      }
      const edits = editsByClock.get(`${k}.${field}@${clock}`) ?? [];
      if (!edits.length) problems.push(`${k}.${field} carries clock ${clock}, which no user edit of it had`);
      else if (!edits.some((e) => sameValue(e.value, value))) {
        problems.push(`${k}.${field} is ${show(value)}, but the edit its clock names wrote ${show(edits[0]!.value)}`);
      }
    }
  }
  const lastClock = new Map<string, string>();
  const history = new Map<string, { clock: string; value: unknown }[]>();
  for (const version of evidence.committed) {
    for (const [field, value] of Object.entries(version.body)) {
      const fk = fieldKey(version.collection, version.id, field);
      const seen = history.get(fk) ?? [];
      seen.push({ clock: clockOf(version.body, field), value });
      history.set(fk, seen);
    }
    const clocks = (version.body.clocks ?? {}) as Record<string, string>;
    for (const [field, clock] of Object.entries(clocks)) {
      const fk = fieldKey(version.collection, version.id, field);
      const before = lastClock.get(fk) ?? '';
      if (compareHlc(clock, before) < 0) {
        problems.push(`server seq ${version.seq}: ${fk} went back from clock ${before} to ${clock}`);
      }
      lastClock.set(fk, clock);
    }
  }

  // 5. No edit disappears silently.
  for (const device of evidence.devices) {
    const { conflicts, rejections } = device.snapshot;
    const last = new Map<string, FieldEdit>();
    for (const edit of device.edits) last.set(fieldKey(edit.collection, edit.id, edit.field), edit);
    const refused = (edit: FieldEdit) =>
      rejections.some(
        (r: RejectedChange) =>
          key(r.collection, r.recordId) === key(edit.collection, edit.id) &&
          clockOf(r.attempted as Body, edit.field) === edit.hlc,
      );
    const logged = (edit: FieldEdit) =>
      conflicts.some(
        (c: ConflictEntry) =>
          key(c.collection, c.recordId) === key(edit.collection, edit.id) &&
          c.field === edit.field &&
          sameValue(c.mine, edit.value),
      ) || refused(edit);
    for (const [fk, edit] of last) {
      const stored = server.get(key(edit.collection, edit.id));
      if (!stored) continue; // reported above
      const finalClock = clockOf(stored.body, edit.field);
      if (compareHlc(finalClock, edit.hlc) < 0 && !refused(edit)) {
        problems.push(
          `${device.name}'s edit of ${fk} (${show(edit.value)} @${edit.hlc}) is newer than the final state (@${finalClock || 'creation'}) yet neither applied nor refused`,
        );
      }
      const survived = sameValue(stored.body[edit.field], edit.value);
      // The server once held this value, from this edit or from an identical one at least as new:
      // whatever replaced it later was written by someone who had seen it.
      const reached = (history.get(fk) ?? []).some(
        (h) => compareHlc(h.clock, edit.hlc) >= 0 && sameValue(h.value, edit.value),
      );
      // Who replaced this very edit on the server: if its author had not seen it, it was lost to
      // a concurrent edit, and only the conflict log can tell.
      const replacedBy = replacement(history.get(fk) ?? [], edit);
      const unseen = replacedBy
        ? (editsByClock.get(`${fk}@${replacedBy}`) ?? []).some((w) => compareHlc(w.base, edit.hlc) < 0)
        : false;
      if (!survived && unseen && !logged(edit)) {
        problems.push(
          `${device.name}'s edit of ${fk} (${show(edit.value)} @${edit.hlc}) reached the server and was replaced by a concurrent edit (@${replacedBy}) that never saw it, and the device was not told`,
        );
      }
      if (!survived && !reached && !logged(edit)) {
        problems.push(
          `${device.name}'s edit of ${fk} (${show(edit.value)} @${edit.hlc}) was lost silently: never on the server, final ${show(
            stored.body[edit.field],
          )} @${finalClock || 'creation'}, not in the device's conflict or rejection log`,
        );
      }
    }

    // 6. The logs tell the truth.
    for (const entry of conflicts) {
      const k = key(entry.collection, entry.recordId);
      const stored = server.get(k);
      if (!stored) continue;
      const finalClock = clockOf(stored.body, entry.field);
      const mine = device.edits.some(
        (e) =>
          key(e.collection, e.id) === k &&
          e.field === entry.field &&
          sameValue(e.value, entry.mine) &&
          compareHlc(e.hlc, finalClock) < 0,
      );
      const mineAtCreation = device.created.some(
        (c) => key(c.collection, c.id) === k && sameValue(c.body[entry.field], entry.mine),
      );
      if (!mine && !mineAtCreation) {
        problems.push(
          `${device.name}'s conflict log says its ${k}.${entry.field} = ${show(entry.mine)} lost, but it wrote no such value that lost (final @${finalClock || 'creation'})`,
        );
      }
      const theirs =
        evidence.devices.some((d) =>
          d.edits.some(
            (e) => key(e.collection, e.id) === k && e.field === entry.field && sameValue(e.value, entry.theirs),
          ),
        ) || sameValue(created.get(k)?.body[entry.field], entry.theirs);
      if (!theirs) {
        problems.push(
          `${device.name}'s conflict log says ${k}.${entry.field} lost to ${show(entry.theirs)}, which nobody wrote`,
        );
      }
    }
    for (const rejection of rejections) {
      const k = key(rejection.collection, rejection.recordId);
      const own =
        device.edits.some((e) => key(e.collection, e.id) === k) ||
        device.created.some((c) => key(c.collection, c.id) === k);
      if (!own) problems.push(`${device.name}'s rejection list names ${k}, which it never wrote`);
    }
  }
  return problems;
}

/**
 * The clock of the first committed value that replaced an edit's value, once the server held that
 * edit; null if it never held it or nothing replaced it. A later edit that wrote the same value is
 * not a replacement: nothing of the edit was lost to it.
 */
function replacement(history: readonly { clock: string; value: unknown }[], edit: FieldEdit): string | null {
  const at = history.findIndex((h) => h.clock === edit.hlc);
  if (at < 0) return null;
  return history.slice(at + 1).find((h) => !sameValue(h.value, edit.value))?.clock ?? null;
}
