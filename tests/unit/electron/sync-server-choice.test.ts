import { describe, expect, it } from 'vitest';
import { createSyncServerChoice } from '../../../electron/main/sync-server-choice';

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

describe('the sync server chosen on the sign-in screen', () => {
  it('is remembered across runs and needs a reload when the page’s policy does not allow it yet', async () => {
    const disk = memoryFile();
    const choice = await createSyncServerChoice({ ...disk, allowedOrigins: () => ['http://127.0.0.1:8787'] });
    expect(choice.current()).toBeNull();
    expect(await choice.choose('https://crm.andes.example/')).toBe('reload');
    expect(choice.current()).toBe('https://crm.andes.example');

    const nextRun = await createSyncServerChoice({ ...disk, allowedOrigins: () => ['https://crm.andes.example'] });
    expect(nextRun.current()).toBe('https://crm.andes.example');
    expect(await nextRun.choose('https://crm.andes.example')).toBe('ready');
  });

  it('takes a loopback server at once: the policy always allows them', async () => {
    const choice = await createSyncServerChoice({ ...memoryFile(), allowedOrigins: () => [] });
    expect(await choice.choose('http://127.0.0.1:9000')).toBe('ready');
  });

  it('refuses what is not a plain http(s) address, and keeps the previous choice', async () => {
    const disk = memoryFile(JSON.stringify({ url: 'https://crm.andes.example' }));
    const choice = await createSyncServerChoice({ ...disk, allowedOrigins: () => [] });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@crm.example', 'not a url']) {
      expect(await choice.choose(bad)).toBe('refused');
    }
    expect(choice.current()).toBe('https://crm.andes.example');
    expect(disk.file.text).toBe(JSON.stringify({ url: 'https://crm.andes.example' }));
  });

  it('ignores a damaged file instead of failing to start', async () => {
    const choice = await createSyncServerChoice({ ...memoryFile('{not json'), allowedOrigins: () => [] });
    expect(choice.current()).toBeNull();
  });
});
