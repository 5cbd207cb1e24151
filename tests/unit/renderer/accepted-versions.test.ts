import { describe, expect, it } from 'vitest';
import type { SyncDocument } from '@domain/sync-protocol';
import { AcceptedVersions } from '../../../renderer/db/sync/accepted-versions';

const version = (id: string, hlc: string, status: string) => ({ id, hlc, status }) as unknown as SyncDocument;

describe('a pulled page that raced one of this device’s pushes', () => {
  it('does not take the device back to the version its accepted push replaced', () => {
    const accepted = new AcceptedVersions();
    const before = version('d1', '001-00000-dev4', 'OPEN');
    const won = version('d1', '002-00000-dev4', 'WON');
    accepted.note('deals', won, before.hlc);
    // The page was answered before the push was accepted: it still holds the open deal.
    expect(accepted.fresh('deals', [before])).toEqual([won]);
  });

  it('keeps the page’s length and its other records as they are', () => {
    const accepted = new AcceptedVersions();
    accepted.note('deals', version('d1', '002-00000-dev4', 'WON'), '001-00000-dev4');
    const other = version('d2', '001-00000-dev1', 'OPEN');
    const page = accepted.fresh('deals', [version('d1', '001-00000-dev4', 'OPEN'), other]);
    expect(page).toHaveLength(2);
    expect(page[1]).toBe(other);
  });

  it('lets through a later version, and one the server wrote with a clock behind this device’s', () => {
    const accepted = new AcceptedVersions();
    accepted.note('users', version('u1', '009-00000-dev4', 'mine'), '001-00000-server');
    const later = version('u1', '010-00000-dev2', 'theirs');
    const serverWrite = version('u1', '005-00000-server', 'renamed by a manager');
    expect(accepted.fresh('users', [later])).toEqual([later]);
    expect(accepted.fresh('users', [serverWrite])).toEqual([serverWrite]);
  });

  it('treats this device’s own earlier accepted versions as replaced too', () => {
    const accepted = new AcceptedVersions();
    const first = version('d1', '002-00000-dev4', 'WON');
    const second = version('d1', '003-00000-dev4', 'LOST');
    accepted.note('deals', first, '001-00000-dev0');
    accepted.note('deals', second, first.hlc);
    expect(accepted.fresh('deals', [version('d1', '001-00000-dev0', 'OPEN')])).toEqual([second]);
    expect(accepted.fresh('deals', [first])).toEqual([second]);
    expect(accepted.fresh('leads', [version('d1', '001-00000-dev0', 'NEW')])[0]).not.toBe(second);
  });
});
