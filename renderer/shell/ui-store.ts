import { create } from 'zustand';
import type { CollectionName } from '@domain/collections';
import type { Address } from './address';

/** What the drawer shows: a record, or a form for a new one (with optional prefilled links). */
export interface DrawerTarget {
  collection: CollectionName;
  id: string | 'new';
  prefill?: Record<string, string>;
  /** A tab of the record's drawer, from its address; drawers without tabs ignore it. */
  tab?: string;
}

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

interface UiState {
  /** The section on screen: its route segment (features/<area>/manifest.ts). '' until the address is read. */
  section: string;
  /** The sub-page of a section with tabs (Settings); its first tab when the address names none. */
  settingsTab: string;
  /** Settings, on one of its tabs (the user menu's "Profile"). */
  openSettings(tab: string): void;
  drawer: DrawerTarget | null;
  toasts: Toast[];
  /**
   * `focus`: the section was chosen from the keyboard, so its content takes focus when it is ready
   * (the board focuses its first card) instead of leaving the user many Tabs away from it.
   */
  navigate(section: string, options?: { focus?: boolean }): void;
  /** The section asked to take focus on arrival, if it is `section`: answered once. */
  takeArrivalFocus(section: string): boolean;
  arrivalFocus: string | null;
  openDrawer(target: DrawerTarget): void;
  closeDrawer(): void;
  /** The place an address names (shell/use-address-sync.ts keeps the two in step). */
  showAddress(address: Address, defaultTab: string): void;
  showToast(message: string, action?: Toast['action']): void;
  dismissToast(id: number): void;
}

let toastSeq = 0;

/**
 * The UI state; where the user is (section, tab, open record) is mirrored in the address bar by
 * shell/use-address-sync.ts, so back, forward and reload return to the same place.
 */
export const useUi = create<UiState>((set, get) => ({
  section: '',
  drawer: null,
  settingsTab: 'general',
  openSettings(tab) {
    set({ section: 'settings', drawer: null, settingsTab: tab });
  },
  toasts: [],
  arrivalFocus: null,
  navigate(section, options) {
    set({ section, drawer: null, arrivalFocus: options?.focus ? section : null });
  },
  takeArrivalFocus(section) {
    if (get().arrivalFocus !== section) return false;
    set({ arrivalFocus: null });
    return true;
  },
  openDrawer(target) {
    set({ drawer: target });
  },
  closeDrawer() {
    set({ drawer: null });
  },
  showAddress(address, defaultTab) {
    const current = get();
    const drawer = address.drawer;
    const sameDrawer =
      current.drawer?.collection === drawer?.collection &&
      current.drawer?.id === drawer?.id &&
      current.drawer?.tab === drawer?.tab;
    set({
      section: address.section,
      settingsTab: address.tab ?? defaultTab,
      // The same record keeps its target (and any prefill) so its drawer is not rebuilt.
      drawer: sameDrawer ? current.drawer : drawer,
    });
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
