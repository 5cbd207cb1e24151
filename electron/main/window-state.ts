import type { BrowserWindow, Rectangle } from 'electron';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WindowBounds {
  /** Absent when the saved position is off every display: the window is then centred. */
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: WindowBounds;
  isMaximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
const MAX_WINDOW_EDGE = 16_384;
/** How much of the window must lie on a display for a saved position to be reused. */
const MIN_VISIBLE_EDGE = 100;

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 800 }, isMaximized: false };

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function overlaps(bounds: Required<WindowBounds>, area: Rectangle): boolean {
  const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return width >= MIN_VISIBLE_EDGE && height >= MIN_VISIBLE_EDGE;
}

/**
 * Trusts nothing in the file: sizes are clamped to sane integers, a position survives only when
 * the window would still be visible on one of today's displays (a monitor may have been
 * unplugged), and anything malformed falls back to the defaults.
 */
export function parseWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WINDOW_STATE;
  const { bounds, isMaximized } = raw as { bounds?: unknown; isMaximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInteger(width) || !isInteger(height)) return DEFAULT_WINDOW_STATE;

  const clamp = (value: number, min: number): number => Math.min(Math.max(value, min), MAX_WINDOW_EDGE);
  const size = { width: clamp(width, MIN_WINDOW_SIZE.width), height: clamp(height, MIN_WINDOW_SIZE.height) };
  const positioned = isInteger(x) && isInteger(y) && workAreas.some((area) => overlaps({ x, y, ...size }, area));
  return {
    bounds: positioned ? { x, y, ...size } : size,
    isMaximized: isMaximized === true,
  };
}

export async function loadWindowState(file: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')), workAreas);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}

export type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/**
 * Saves the window's normal (un-maximised) bounds and maximised flag after it stops moving or
 * resizing, and once more when it closes. Returns a function that cancels a pending save.
 */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void, delayMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capture = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    save({ bounds: { x, y, width, height }, isMaximized: window.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(capture, delayMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', capture);
  return () => clearTimeout(timer);
}
