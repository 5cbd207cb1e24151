import { useLayoutEffect } from 'react';
import { formatAddress, parseAddress, type Address, type RouteTable } from './address';
import { useUi } from './ui-store';

/**
 * Keeps the address bar and the UI state in step. The address is read before the first paint
 * (and on back, forward or an edited address); each change of place made in the app — a section,
 * a Settings tab, a record opened or closed — is a new history entry, so Back undoes it.
 */
export function useAddressSync(table: RouteTable): void {
  useLayoutEffect(() => {
    const defaultTab = (section: string) => table.sections.get(section)?.tabs?.[0] ?? '';
    const addressOf = (state: ReturnType<typeof useUi.getState>): Address => ({
      section: state.section,
      tab: state.settingsTab,
      drawer: state.drawer && { collection: state.drawer.collection, id: state.drawer.id, ...tabOf(state.drawer) },
    });
    const adopt = () => {
      const address = parseAddress(location.hash, table);
      const canonical = formatAddress(address, table);
      // An unknown or older address is rewritten in place (no new entry), before the state changes.
      if (canonical !== location.hash) history.replaceState(history.state, '', canonical);
      useUi.getState().showAddress(address, defaultTab(address.section));
    };
    adopt();
    const unsubscribe = useUi.subscribe((state, previous) => {
      if (
        state.section === previous.section &&
        state.drawer === previous.drawer &&
        state.settingsTab === previous.settingsTab
      )
        return;
      const next = formatAddress(addressOf(state), table);
      if (next !== location.hash) history.pushState(null, '', next);
    });
    window.addEventListener('popstate', adopt);
    window.addEventListener('hashchange', adopt);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', adopt);
      window.removeEventListener('hashchange', adopt);
    };
  }, [table]);
}

function tabOf(drawer: { tab?: string }): { tab?: string } {
  return drawer.tab ? { tab: drawer.tab } : {};
}
