import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bindCommands, findConflicts } from '../../commands/bindings';
import { KeyList } from '../../commands/CheatSheet';
import { COMMAND_SCOPES, type Command } from '../../commands/command';
import { useCommands } from '../../commands/command-store';
import { commandTitle } from '../../commands/command-title';
import { SEQUENCE_TIMEOUT_MS } from '../../commands/CommandHost';
import { chordFromEvent, currentPlatform } from '../../commands/keys';
import { bindingSpoken, useBindings } from '../../commands/use-key-hints';
import { useKeyBindings } from '../../db/key-bindings';

const platform = currentPlatform();
/** Longest binding recorded: a key, or a sequence of two (`g e`). */
const MAX_CHORDS = 2;

/**
 * Settings → Keyboard: every command with its keys; a new binding is recorded by pressing it,
 * refused when it clashes with another command that can be active at the same time, and reset to
 * the default per command. Kept on the user's profile, so they follow the user to every device.
 */
export function KeyboardSettings() {
  const { t } = useTranslation();
  const commands = useCommands((s) => s.commands);
  const bindings = useBindings(commands);
  const { overrides, save } = useKeyBindings();
  const [problem, setProblem] = useState<string | null>(null);
  const setBinding = async (command: Command, binding: readonly string[] | null) => {
    const next = { ...overrides };
    if (binding) next[command.id] = [binding.join(' ')];
    else delete next[command.id];
    await save(next);
  };
  const record = (command: Command, binding: readonly string[]) => {
    const bound = bindCommands(commands, overrides, platform);
    const clashes = findConflicts(command.id, binding, bound);
    if (clashes.length > 0) {
      const other = commands.find((c) => c.id === clashes[0]!.id)!;
      setProblem(
        t('keyboard.conflict', {
          keys: bindingSpoken(t, binding),
          command: commandTitle(t, other),
          scope: t(`commands.scopes.${other.scope}`),
        }),
      );
      return;
    }
    setProblem(null);
    void setBinding(command, binding);
  };
  return (
    <section className="card settings-card" aria-labelledby="settings-keyboard">
      <h2 id="settings-keyboard">{t('keyboard.title')}</h2>
      <p className="muted">{t('keyboard.intro')}</p>
      <div role="alert" className={problem ? 'form-banner' : undefined}>
        {problem}
      </div>
      {COMMAND_SCOPES.map((scope) => {
        const inScope = commands.filter((c) => c.scope === scope);
        if (inScope.length === 0) return null;
        return (
          <table key={scope} className="cheat-sheet-table keyboard-table">
            <caption>{t(`commands.scopes.${scope}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keyboard.command')}</th>
                <th scope="col">{t('keyboard.keys')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('keyboard.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {inScope.map((command) => (
                <CommandRow
                  key={command.id}
                  title={commandTitle(t, command)}
                  bindings={bindings.get(command.id) ?? []}
                  custom={command.id in overrides}
                  onRecord={(binding) => record(command, binding)}
                  onReset={() => {
                    setProblem(null);
                    void setBinding(command, null);
                  }}
                />
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

function CommandRow({
  title,
  bindings,
  custom,
  onRecord,
  onReset,
}: {
  title: string;
  bindings: readonly (readonly string[])[];
  custom: boolean;
  onRecord: (binding: readonly string[]) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [chords, setChords] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const finish = (binding: string[]) => {
    clearTimeout(timer.current);
    setRecording(false);
    setChords([]);
    if (binding.length > 0) onRecord(binding);
  };
  return (
    <tr>
      <th scope="row">{title}</th>
      <td>
        {recording ? (
          <span>{chords.length ? bindingSpoken(t, chords) : t('keyboard.pressKeys')}</span>
        ) : bindings.length ? (
          <KeyList bindings={bindings} />
        ) : (
          <span className="muted">{t('cheatSheet.noKey')}</span>
        )}
      </td>
      <td className="keyboard-actions">
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={recording}
          aria-label={
            recording ? t('keyboard.recording', { command: title }) : t('keyboard.change', { command: title })
          }
          onClick={() => {
            setChords([]);
            setRecording((r) => !r);
          }}
          onBlur={() => recording && finish([])}
          onKeyDown={(e) => {
            if (!recording) return;
            // The keys pressed now are the new binding: nothing else may act on them.
            e.preventDefault();
            e.stopPropagation();
            if (e.key === 'Escape') {
              finish([]);
              return;
            }
            const chord = chordFromEvent(e.nativeEvent, platform);
            if (!chord) return;
            const next = [...chords, chord];
            clearTimeout(timer.current);
            if (next.length >= MAX_CHORDS) {
              finish(next);
              return;
            }
            setChords(next);
            timer.current = setTimeout(() => finish(next), SEQUENCE_TIMEOUT_MS);
          }}
        >
          {recording ? t('keyboard.recordingShort') : t('keyboard.changeShort')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={!custom}
          aria-label={t('keyboard.reset', { command: title })}
          onClick={onReset}
        >
          {t('keyboard.resetShort')}
        </button>
      </td>
    </tr>
  );
}
