import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ui/ModalDialog';
import { COMMAND_SCOPES, type Command } from './command';
import { useCommands } from './command-store';
import { commandTitle } from './command-title';
import { bindingKeys, bindingSpoken, useBindings } from './use-key-hints';

/** `?`: every command with the keys it has now (the user's own included), grouped by scope. */
export function CheatSheet() {
  const open = useCommands((s) => s.cheatSheetOpen);
  const close = useCommands((s) => s.setCheatSheetOpen);
  if (!open) return null;
  return <CheatSheetDialog onClose={() => close(false)} />;
}

function CheatSheetDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useCommands((s) => s.commands);
  const bindings = useBindings(commands);
  return (
    <ModalDialog
      title={t('cheatSheet.title')}
      onCancel={onClose}
      actions={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <div className="cheat-sheet">
        {COMMAND_SCOPES.map((scope) => (
          <ScopeTable
            key={scope}
            caption={t(`commands.scopes.${scope}`)}
            commands={commands.filter((c) => c.scope === scope)}
            bindings={bindings}
          />
        ))}
      </div>
    </ModalDialog>
  );
}

function ScopeTable({
  caption,
  commands,
  bindings,
}: {
  caption: string;
  commands: readonly Command[];
  bindings: Map<string, readonly (readonly string[])[]>;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (commands.length === 0) return null;
  return (
    <table className="cheat-sheet-table" aria-labelledby={id}>
      <caption id={id}>{caption}</caption>
      <tbody>
        {commands.map((command) => {
          const keys = bindings.get(command.id) ?? [];
          return (
            <tr key={command.id}>
              <th scope="row">{commandTitle(t, command)}</th>
              <td>
                {keys.length === 0 ? (
                  <span className="muted">{t('cheatSheet.noKey')}</span>
                ) : (
                  <KeyList bindings={keys} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Keycaps for the eye, words ("G then P, or …") for assistive technology. */
export function KeyList({ bindings }: { bindings: readonly (readonly string[])[] }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="visually-hidden">{bindings.map((b) => bindingSpoken(t, b)).join(`, ${t('keys.or')} `)}</span>
      <span aria-hidden="true" className="key-list">
        {bindings.map((binding, i) => (
          <span key={i} className="key-binding">
            {bindingKeys(t, binding).map((cap, j) => (
              <kbd key={j}>{cap}</kbd>
            ))}
          </span>
        ))}
      </span>
    </>
  );
}
