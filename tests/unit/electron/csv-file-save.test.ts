import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invokeFromApp, mainWindow, startMainProcess } from './main-bootstrap';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('saving a CSV file from the app', () => {
  it('shows the save dialog with the suggested name only, and main writes the text where the person chose', async () => {
    const fake = await startMainProcess();
    const window = await mainWindow();
    const chosen = join(mkdtempSync(join(tmpdir(), 'outpost-csv-')), 'rejected rows.csv');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const text = '\ufeffFirst name,Line\r\nAna,3';
    await expect(invokeFromApp(fake, 'outpost:save-csv-file', '../../.ssh/authorized_keys', text)).resolves.toBe(
      'saved',
    );
    const [parent, options] = fake.dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string }];
    expect(parent).toBe(window);
    // A page cannot steer the dialog to another folder or another kind of file.
    expect(basename(options.defaultPath)).toBe('authorized_keys.csv');
    expect(options.defaultPath).not.toContain('..');
    expect(readFileSync(chosen, 'utf8')).toBe(text);
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    const folder = mkdtempSync(join(tmpdir(), 'outpost-csv-'));
    // Some platforms fill in the path even when the dialog was cancelled.
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: join(folder, 'contacts.csv') });
    await expect(invokeFromApp(fake, 'outpost:save-csv-file', 'contacts.csv', 'a,b')).resolves.toBe('cancelled');
    expect(existsSync(join(folder, 'contacts.csv'))).toBe(false);
  });

  it('refuses a call whose text is not a string, before any dialog', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    await expect(invokeFromApp(fake, 'outpost:save-csv-file', 'contacts.csv', { path: '/etc/passwd' })).rejects.toThrow(
      /must be a string/,
    );
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
