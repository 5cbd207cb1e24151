import { useCallback } from 'react';
import { useUi } from './ui-store';

/**
 * Whether `section` was reached from the keyboard and should now take focus (answered once per
 * arrival): a stable function for the section's list or board to ask when its content is shown.
 */
export function useArrivalFocus(section: string): () => boolean {
  return useCallback(() => useUi.getState().takeArrivalFocus(section), [section]);
}
