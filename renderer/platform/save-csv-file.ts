import { getBridge } from './bridge';

/**
 * Saves CSV text as a file the person chooses: the desktop app shows its own save dialog (the
 * main process picks the path and writes it; the page never names one), a browser downloads it.
 * Returns false when the person cancelled the desktop dialog.
 */
export async function saveCsvFile(name: string, text: string): Promise<boolean> {
  const desktop = await getBridge().saveCsvFile(name, text);
  if (desktop !== 'unsupported') return desktop === 'saved';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; give it a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
