import { describe, expect, it, vi } from 'vitest';
import { createSyncServerChoice, type SyncServerChoiceDeps } from '../../../electron/main/sync-server-choice';

function memoryFile(initial: string | null = null) {
  const file = { text: initial };
  return {
    file,
    read: async () => file.text,
    write: async (text: string) => {
      file.text = text;
    },
  };
}

const teamStatus = () => Response.json({ mode: 'team', needsSetup: false });

/** Main's own parts, faked: the file, the policy's origins, its fetch and its native dialog. */
function deps(overrides: Partial<SyncServerChoiceDeps> = {}, disk = memoryFile()) {
  const fetchStatus = vi.fn(async (_url: string) => teamStatus());
  const confirm = vi.fn(async (_origin: string) => true);
  return {
    disk,
    fetchStatus,
    confirm,
    deps: { ...disk, allowedOrigins: () => [], fetchStatus, confirm, ...overrides },
  };
}

describe('the sync server chosen on the sign-in screen', () => {
  it('is remembered across runs and needs a reload when the page’s policy does not allow it yet', async () => {
    const first = deps({ allowedOrigins: () => ['http://127.0.0.1:8787'] });
    const choice = await createSyncServerChoice(first.deps);
    expect(choice.current()).toBeNull();
    expect(await choice.choose('https://crm.andes.example/')).toBe('reload');
    expect(choice.current()).toBe('https://crm.andes.example');

    const next = deps({ allowedOrigins: () => ['https://crm.andes.example'] }, first.disk);
    const nextRun = await createSyncServerChoice(next.deps);
    expect(nextRun.current()).toBe('https://crm.andes.example');
    expect(await nextRun.choose('https://crm.andes.example')).toBe('ready');
    // An origin the policy already allows was confirmed before: nobody is asked again.
    expect(next.confirm).not.toHaveBeenCalled();
  });

  it('lets a new origin into the policy only after main itself reached its /auth/status and the user allowed it', async () => {
    const { deps: d, fetchStatus, confirm, disk } = deps();
    const choice = await createSyncServerChoice(d);
    expect(await choice.choose('https://crm.andes.example/outpost')).toBe('reload');
    expect(fetchStatus.mock.calls).toEqual([['https://crm.andes.example/outpost/auth/status']]);
    expect(confirm.mock.calls).toEqual([['https://crm.andes.example']]);
    expect(fetchStatus.mock.invocationCallOrder[0]).toBeLessThan(confirm.mock.invocationCallOrder[0]!);
    expect(JSON.parse(disk.file.text!)).toEqual({ url: 'https://crm.andes.example/outpost' });
  });

  it('allows nothing and remembers nothing when the user declines in the native dialog', async () => {
    const { deps: d, disk } = deps({ confirm: async () => false });
    const choice = await createSyncServerChoice(d);
    expect(await choice.choose('https://crm.elsewhere.example')).toBe('declined');
    expect(choice.current()).toBeNull();
    expect(disk.file.text).toBeNull();
  });

  it('asks nobody when the address does not answer as an Outpost server', async () => {
    for (const answer of [
      async () => new Response('<html>login</html>', { status: 200 }),
      async () => Response.json({ mode: 'anything' }),
      async () => new Response('', { status: 404 }),
      async () => {
        throw new TypeError('fetch failed');
      },
    ]) {
      const { deps: d, confirm, disk } = deps({ fetchStatus: vi.fn(answer) });
      const choice = await createSyncServerChoice(d);
      expect(await choice.choose('https://crm.elsewhere.example')).toBe('unreachable');
      expect(confirm).not.toHaveBeenCalled();
      expect(disk.file.text).toBeNull();
    }
  });

  it('shows one confirmation at a time: a page cannot stack dialogs', async () => {
    let answer: (yes: boolean) => void = () => {};
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const { deps: d } = deps({ confirm });
    const choice = await createSyncServerChoice(d);
    const first = choice.choose('https://crm.andes.example');
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledOnce());
    expect(await choice.choose('https://crm.elsewhere.example')).toBe('declined');
    answer(true);
    expect(await first).toBe('reload');
    expect(confirm).toHaveBeenCalledOnce();
    expect(choice.current()).toBe('https://crm.andes.example');
  });

  it('takes the loopback servers the policy always allows at once, without asking', async () => {
    const { deps: d, fetchStatus, confirm } = deps();
    const choice = await createSyncServerChoice(d);
    expect(await choice.choose('http://127.0.0.1:9000')).toBe('ready');
    expect(fetchStatus).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('refuses plain http to another machine as insecure, before fetching or asking anything', async () => {
    const { deps: d, fetchStatus, confirm, disk } = deps();
    const choice = await createSyncServerChoice(d);
    for (const remote of ['http://crm.andes.example', 'http://192.168.1.20:8787']) {
      expect(await choice.choose(remote)).toBe('insecure');
    }
    expect(fetchStatus).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
    expect(disk.file.text).toBeNull();
  });

  it('refuses what is not a plain http(s) address, and keeps the previous choice', async () => {
    const { deps: d, disk } = deps({}, memoryFile(JSON.stringify({ url: 'https://crm.andes.example' })));
    const choice = await createSyncServerChoice(d);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@crm.example', 'not a url']) {
      expect(await choice.choose(bad)).toBe('refused');
    }
    expect(choice.current()).toBe('https://crm.andes.example');
    expect(disk.file.text).toBe(JSON.stringify({ url: 'https://crm.andes.example' }));
  });

  it('forgets a remembered plain-http remote server instead of connecting to it', async () => {
    const { deps: d } = deps({}, memoryFile(JSON.stringify({ url: 'http://crm.andes.example' })));
    expect((await createSyncServerChoice(d)).current()).toBeNull();
  });

  it('ignores a damaged file instead of failing to start', async () => {
    const { deps: d } = deps({}, memoryFile('{not json'));
    expect((await createSyncServerChoice(d)).current()).toBeNull();
  });
});
