import { create } from 'zustand';
import type { ViewSection } from '@domain/record-views/view-state';

interface ViewRequests {
  /** A view asked for from elsewhere (the palette's "Open view: …"), waiting for its section's menu. */
  requested: { section: ViewSection; key: string } | null;
  request(section: ViewSection, key: string): void;
  /** The menu of `section` takes the request meant for it, once. */
  take(section: ViewSection): string | null;
}

export const useViewRequests = create<ViewRequests>((set, get) => ({
  requested: null,
  request(section, key) {
    set({ requested: { section, key } });
  },
  take(section) {
    const requested = get().requested;
    if (requested?.section !== section) return null;
    set({ requested: null });
    return requested.key;
  },
}));
