import { DESKTOP_EVENT_CHANNEL, type DesktopEvent } from '@domain/desktop-bridge';
import type { WebContents } from 'electron';

/** Where events go: the main window's WebContents. */
export type EventTarget = Pick<WebContents, 'send'>;

/** A few clicks' worth: enough for what someone does while the window loads, bounded all the same. */
export const MAX_QUEUED_EVENTS = 8;

export interface DesktopEventOutbox {
  /** Sends the event to the page now, or keeps it for when a page is ready to hear it. */
  post(event: DesktopEvent): void;
  /** A page has loaded in `target` (its `did-finish-load`): it gets what was kept, in order. */
  attach(target: EventTarget): void;
  /** The page is going away (navigation, crash, window closed): keep events until the next one. */
  detach(): void;
}

/**
 * Events for the page on DESKTOP_EVENT_CHANNEL, held while no page can hear them. A link that
 * starts Outpost, or a tray action while the window is still opening, arrives before the page has
 * run its scripts: sent then, it would be lost. Only the latest record link is kept (the drawer
 * shows one record), and at most MAX_QUEUED_EVENTS events, the oldest dropped first.
 */
export function createDesktopEventOutbox(): DesktopEventOutbox {
  let target: EventTarget | null = null;
  let queue: DesktopEvent[] = [];
  return {
    post(event) {
      if (target) {
        target.send(DESKTOP_EVENT_CHANNEL, event);
        return;
      }
      if (event.kind === 'open-record') queue = queue.filter((kept) => kept.kind !== 'open-record');
      queue = [...queue, event].slice(-MAX_QUEUED_EVENTS);
    },
    attach(next) {
      target = next;
      const kept = queue;
      queue = [];
      for (const event of kept) next.send(DESKTOP_EVENT_CHANNEL, event);
    },
    detach() {
      target = null;
    },
  };
}
