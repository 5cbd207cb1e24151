import { useEffect, useMemo } from 'react';
import { useCommands } from '../commands/command-store';
import { useBindings } from '../commands/use-key-hints';
import { getBridge } from '../platform/bridge';
import { menuKeysOf } from './menu-keys';

/** Keeps the desktop's "Go" menu showing the keys in force here: the registry's, the user's own among them. */
export function DesktopMenuKeys() {
  const bindings = useBindings(useCommands((s) => s.commands));
  const keys = useMemo(() => JSON.stringify(menuKeysOf(bindings)), [bindings]);
  useEffect(() => {
    getBridge()
      .setMenuKeys(JSON.parse(keys) as ReturnType<typeof menuKeysOf>)
      .catch((error: unknown) => console.warn('The menu did not take the keys:', error));
  }, [keys]);
  return null;
}
