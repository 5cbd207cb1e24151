import { create } from 'zustand';

/** Whether the import wizard is open: the command opens it, the wizard closes itself. */
export const useImportWizard = create<{ open: boolean; show(): void; close(): void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
