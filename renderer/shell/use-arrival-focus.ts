import { useCallback } from 'react';
import { useUi } from './ui-store';

/**
 * Whether `section` was reached from the keyboard and should now take focus (answered once per
 * arrival): a function for the section's list or board to ask when its content is shown. It is a
 * new function whenever such an arrival is pending, so a list already on screen (`G` `L` pressed on
 * Leads, or the address changed first) asks again.
 */
export function useArrivalFocus(section: string): () => boolean {
  const pending = useUi((s) => s.arrivalFocus === section);
  return useCallback(() => pending && useUi.getState().takeArrivalFocus(section), [pending, section]);
}
