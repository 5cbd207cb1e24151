import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Command as Cmdk } from 'cmdk';
import { KeyList } from '../commands/CheatSheet';
import { runCommand } from '../commands/run-command';
import { useBindings } from '../commands/use-key-hints';
import { useWorkspace } from '../db/workspace-context';
import type { PaletteHit } from '../search/palette-index';
import { paletteSearchFor } from '../search/palette-search';
import { Highlighted } from './Highlighted';
import { openPaletteRecord } from './open-palette-record';
import { usePaletteCommands } from './use-palette-commands';
import { usePaletteRecords } from './use-palette-records';
import type { CommandMatch } from './command-matches';

type Choice = { hit: PaletteHit } | { command: CommandMatch };

/**
 * The palette itself: a search field over the records and the commands, in a modal <dialog> (the
 * page behind is inert, as for every modal of the app). cmdk gives the combobox and its keys
 * (arrows, Ctrl+N/P, Enter); the matching is ours (shouldFilter off). Closing returns focus to
 * what had it before, and a command runs on that element: the focused card, the open drawer.
 */
export function PaletteDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const search = paletteSearchFor(db);
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Read while rendering, before showModal moves focus into the palette.
  const [opener] = useState(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement && active !== document.body ? active : null;
  });
  const [query, setQuery] = useState('');
  const records = usePaletteRecords(search, db, query);
  const { matches, all } = usePaletteCommands(query, opener);
  const bindings = useBindings(all);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // React's autoFocus ran while the dialog was still closed, so the field is focused here.
    input.current?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [opener]);

  const blank = query.trim() === '';
  const recordGroups = blank
    ? records.recent.length > 0
      ? [{ key: 'recent', heading: t('palette.recent'), hits: records.recent }]
      : []
    : records.groups.map((g) => ({ key: g.collection, heading: t(`nav.${g.collection}`), hits: g.hits }));
  const values = [
    ...recordGroups.flatMap((g) => g.hits.map((hit) => recordValue(g.key, hit))),
    ...matches.map((command) => commandValue(command.id)),
  ];
  // The row chosen, for the answer it was chosen in: a new query's answer selects its best row
  // again, while a new answer to the same query (a sync) keeps the row as long as it is there.
  const [selected, setSelected] = useState({ value: '', answered: records.answered });
  const current =
    selected.answered === records.answered && values.includes(selected.value) ? selected.value : (values[0] ?? '');

  const choose = (row: Choice) => {
    // Closed first, so focus is back on the screen beneath and a command acts on it.
    flushSync(onClose);
    if ('hit' in row) openPaletteRecord(row.hit.collection, row.hit.id);
    else runCommand(row.command.id, all, opener);
  };

  const settled = records.answered === query;
  const status =
    records.status === 'building'
      ? t('palette.indexing', { count: records.indexed })
      : !blank && settled && values.length === 0
        ? t('palette.empty', { query: query.trim() })
        : '';

  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-label={t('palette.title')}
      // Escape closes the palette only, never also what it was opened over (the drawer).
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.stopPropagation();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <Cmdk
        label={t('palette.inputLabel')}
        shouldFilter={false}
        value={current}
        onValueChange={(value) => setSelected({ value, answered: records.answered })}
        loop
      >
        <Cmdk.Input
          className="palette-input"
          value={query}
          onValueChange={setQuery}
          ref={input}
          placeholder={t('palette.placeholder')}
        />
        <p className="palette-status" role="status">
          {status}
        </p>
        {records.error && (
          <p className="palette-error" role="alert">
            {t('palette.failed', { message: records.error })}
          </p>
        )}
        <Cmdk.List className="palette-list" label={t('palette.results')}>
          {recordGroups.map((group) => (
            <Cmdk.Group key={group.key} heading={group.heading}>
              {group.hits.map((hit) => (
                <Cmdk.Item
                  key={recordValue(group.key, hit)}
                  value={recordValue(group.key, hit)}
                  className="palette-item"
                  onSelect={() => choose({ hit })}
                >
                  <span className="palette-label">
                    <Highlighted text={hit.label} ranges={hit.labelRanges} />
                  </span>
                  {hit.detail && (
                    <span className="palette-detail">
                      <Highlighted text={hit.detail} ranges={hit.detailRanges} />
                    </span>
                  )}
                </Cmdk.Item>
              ))}
            </Cmdk.Group>
          ))}
          {matches.length > 0 && (
            <Cmdk.Group heading={t('palette.commands')}>
              {matches.map((command) => {
                const keys = bindings.get(command.id) ?? [];
                return (
                  <Cmdk.Item
                    key={command.id}
                    value={commandValue(command.id)}
                    className="palette-item palette-command"
                    onSelect={() => choose({ command })}
                  >
                    <span className="palette-label">
                      <Highlighted text={command.title} ranges={command.ranges} />
                    </span>
                    {keys.length > 0 && (
                      <span className="palette-keys">
                        <KeyList bindings={keys} />
                      </span>
                    )}
                  </Cmdk.Item>
                );
              })}
            </Cmdk.Group>
          )}
        </Cmdk.List>
      </Cmdk>
    </dialog>
  );
}

/** A row's value for cmdk: unique across groups (a record recently opened is not also a search hit). */
function recordValue(group: string, hit: PaletteHit): string {
  return `${group}:${hit.collection}:${hit.id}`.toLowerCase();
}

function commandValue(id: string): string {
  return `command:${id}`.toLowerCase();
}
