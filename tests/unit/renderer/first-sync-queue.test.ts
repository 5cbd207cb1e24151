import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../domain/collections';
import { FirstSyncQueue } from '../../../renderer/db/sync/first-sync-queue';

/** A task that runs until released, noting when it started. */
function heldTasks() {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      releases.set(name, () => resolve(name));
    });
  const release = async (name: string) => {
    releases.get(name)!();
    // Let the queue start what comes next.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, task, release };
}

const ORDER = {
  configuration: ['settings', 'users'] as CollectionName[],
  records: ['deals', 'leads', 'contacts', 'activities'] as CollectionName[],
};

describe('the first sync’s queue of bootstrap pulls and writes', () => {
  it('writes one page at a time across collections, so that a list’s read waits for one write at most', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 100 });
    const { started, task, release } = heldTasks();
    const writes = [
      queue.write('contacts', task('contacts 1')),
      queue.write('activities', task('activities 1')),
      queue.write('contacts', task('contacts 2')),
    ];
    expect(started).toEqual(['contacts 1']);
    await release('contacts 1');
    expect(started).toEqual(['contacts 1', 'contacts 2']);
    await release('contacts 2');
    await release('activities 1');
    expect(await Promise.all(writes)).toEqual(['contacts 1', 'activities 1', 'contacts 2']);
  });

  it('writes configuration before any record, whatever arrived first', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 100 });
    const { started, task, release } = heldTasks();
    void queue.write('activities', task('activities'));
    void queue.write('contacts', task('contacts'));
    void queue.write('users', task('users'));
    void queue.write('settings', task('settings'));
    await release('activities');
    await release('settings');
    await release('users');
    expect(started).toEqual(['activities', 'settings', 'users', 'contacts']);
  });

  it('serves a collection on screen before the other records until the screen lets it go', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 100 });
    const { started, task, release } = heldTasks();
    void queue.write('users', task('users'));
    void queue.write('deals', task('deals 1'));
    void queue.write('activities', task('activities 1'));
    const letGo = queue.want('activities');
    // Configuration still goes first; then the wanted activities before the deals queued earlier.
    await release('users');
    expect(started).toEqual(['users', 'activities 1']);
    void queue.write('activities', task('activities 2'));
    await release('activities 1');
    expect(started.at(-1)).toBe('activities 2');
    letGo();
    void queue.write('activities', task('activities 3'));
    await release('activities 2');
    // Let go: back in the order, behind the deals.
    expect(started.at(-1)).toBe('deals 1');
  });

  it('keeps a collection wanted while another screen still shows it', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 100 });
    const { started, task, release } = heldTasks();
    const list = queue.want('contacts');
    const drawer = queue.want('contacts');
    list();
    list();
    void queue.write('users', task('users'));
    void queue.write('deals', task('deals'));
    void queue.write('contacts', task('contacts'));
    await release('users');
    expect(started.at(-1)).toBe('contacts');
    drawer();
  });

  it('pulls at most as many pages at once as it has slots, the most wanted first', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 100 });
    const { started, task, release } = heldTasks();
    void queue.fetch('activities', task('activities'));
    void queue.fetch('contacts', task('contacts'));
    void queue.fetch('deals', task('deals'));
    void queue.fetch('settings', task('settings'));
    expect(started).toEqual(['activities', 'contacts']);
    await release('contacts');
    expect(started).toEqual(['activities', 'contacts', 'settings']);
    await release('activities');
    expect(started).toEqual(['activities', 'contacts', 'settings', 'deals']);
  });

  it('pulls no more pages while four pulled pages wait for their writes, and more as they are written', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 4 });
    let pulls = 0;
    const pull = () => queue.fetch('contacts', async () => ++pulls);
    await Promise.all([pull(), pull(), pull(), pull()]);
    const fifth = pull();
    await Promise.resolve();
    expect(pulls).toBe(4);
    await queue.write('contacts', async () => undefined);
    expect(await fifth).toBe(5);
    // A page that will not be written (its bootstrap stopped) makes room too.
    const sixth = pull();
    await Promise.resolve();
    expect(pulls).toBe(5);
    queue.discard();
    expect(await sixth).toBe(6);
  });

  it('counts a failed pull as no page held', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 1 });
    await expect(queue.fetch('contacts', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    await expect(queue.fetch('contacts', () => Promise.resolve('page'))).resolves.toBe('page');
  });

  it('passes a failed write to its caller and goes on with the next', async () => {
    const queue = new FirstSyncQueue(ORDER, { fetches: 2, writes: 1, pagesHeld: 100 });
    const failed = queue.write('contacts', () => Promise.reject(new Error('disk full')));
    const next = queue.write('contacts', () => Promise.resolve('stored'));
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('stored');
  });
});
