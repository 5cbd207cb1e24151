import { create } from 'zustand';
import { isDrawerCollection, isSection, type DrawerCollection, type Section } from './sections';

/** What the drawer shows: a record, or a form for a new one (with optional prefilled links). */
export interface DrawerTarget {
  collection: DrawerCollection;
  id: string | 'new';
  prefill?: Record<string, string>;
}

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

/** The tabs of Settings: device settings, the user's own profile, user management (Sales Manager). */
export type SettingsTab = 'general' | 'profile' | 'users';

interface UiState {
  section: Section;
  settingsTab: SettingsTab;
  /** Settings, on one of its tabs (the user menu's "Profile"). */
  openSettings(tab: SettingsTab): void;
  drawer: DrawerTarget | null;
  toasts: Toast[];
  /**
   * `focus`: the section was chosen from the keyboard, so its content takes focus when it is ready
   * (the board focuses its first card) instead of leaving the user many Tabs away from it.
   */
  navigate(section: Section, options?: { focus?: boolean }): void;
  /** The section asked to take focus on arrival, if it is `section`: answered once. */
  takeArrivalFocus(section: Section): boolean;
  arrivalFocus: Section | null;
  openDrawer(target: DrawerTarget): void;
  closeDrawer(): void;
  showToast(message: string, action?: Toast['action']): void;
  dismissToast(id: number): void;
}

/** The location hash mirrors the section and open record, so a reload returns to the same place. */
export function parseHash(hash: string): { section: Section; drawer: DrawerTarget | null } {
  const [rawSection = '', collection = '', id = ''] = hash.replace(/^#\/?/, '').split('/');
  const section = isSection(rawSection) ? rawSection : 'leads';
  const drawer =
    isDrawerCollection(collection) && /^[0-9a-f-]{36}$/.test(id)
      ? { collection: collection as DrawerCollection, id }
      : null;
  return { section, drawer };
}

function toHash(section: Section, drawer: DrawerTarget | null): string {
  return drawer && drawer.id !== 'new' ? `#/${section}/${drawer.collection}/${drawer.id}` : `#/${section}`;
}

let toastSeq = 0;
const initial = parseHash(typeof location === 'undefined' ? '' : location.hash);

export const useUi = create<UiState>((set, get) => ({
  section: initial.section,
  drawer: initial.drawer,
  settingsTab: 'general',
  openSettings(tab) {
    set({ section: 'settings', drawer: null, settingsTab: tab });
    history.replaceState(null, '', toHash('settings', null));
  },
  toasts: [],
  arrivalFocus: null,
  navigate(section, options) {
    set({ section, drawer: null, arrivalFocus: options?.focus ? section : null });
    history.replaceState(null, '', toHash(section, null));
  },
  takeArrivalFocus(section) {
    if (get().arrivalFocus !== section) return false;
    set({ arrivalFocus: null });
    return true;
  },
  openDrawer(target) {
    set({ drawer: target });
    history.replaceState(null, '', toHash(get().section, target));
  },
  closeDrawer() {
    set({ drawer: null });
    history.replaceState(null, '', toHash(get().section, null));
  },
  showToast(message, action) {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts.slice(-2), { id, message, ...(action ? { action } : {}) }] });
    setTimeout(() => get().dismissToast(id), action ? 8000 : 4000);
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
