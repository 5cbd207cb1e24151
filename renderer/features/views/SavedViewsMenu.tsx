import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import {
  checkViewName,
  mayShareViews,
  nextViewPosition,
  viewStateDiffers,
  viewStateOf,
} from '@domain/record-views/saved-view-rules';
import type { DefaultView, ViewSection, ViewState } from '@domain/record-views/view-state';
import type { SavedView } from '@domain/schemas/saved-view';
import { useCommandSurface } from '../../commands/surfaces';
import {
  createSavedView,
  removeSavedView,
  renameSavedView,
  restoreSavedView,
  saveViewState,
  setViewSharing,
  useLastView,
  useSavedViews,
} from '../../db/saved-views';
import { useWorkspace } from '../../db/workspace-context';
import { isMessageKey } from '../../i18n/message-key';
import { useUi } from '../../shell/ui-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ViewNameDialog } from './ViewNameDialog';
import './views.css';
import { useViewRequests } from './view-requests';

export interface SavedViewsMenuProps {
  section: ViewSection;
  /** What the record table shows now. */
  view: ViewState;
  /** Called with a view's state when the user (or the palette) opens it. */
  onViewChange: (view: ViewState) => void;
}

type Current = { key: string; name: string; state: ViewState; saved: SavedView | null };
type Dialog = 'saveAs' | 'rename' | 'delete' | null;

/**
 * The record table's views menu: which view is open (a dot when the table no longer matches it),
 * the section's default views, the user's own and those shared with their team, and what the user
 * may do with the open one. The view chosen last is remembered per section on this device.
 */
export function SavedViewsMenu({ section, view, onViewChange }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  const { mine, shared, loading } = useSavedViews(section);
  const [lastKey, rememberView] = useLastView(section);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const defaults: readonly DefaultView[] =
    (DEFAULT_VIEWS as Partial<Record<ViewSection, readonly DefaultView[]>>)[section] ?? [];

  const defaultName = (d: DefaultView) => (isMessageKey(d.nameKey) ? t(d.nameKey) : d.key);
  const current = useMemo<Current | null>(() => {
    const saved = [...mine, ...shared].find((v) => v.id === lastKey);
    if (saved) return { key: saved.id, name: saved.name, state: viewStateOf(saved), saved };
    const shipped = defaults.find((d) => d.key === lastKey) ?? defaults[0];
    return shipped ? { key: shipped.key, name: defaultName(shipped), state: shipped.state, saved: null } : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- defaultName reads t, which changes with the language
  }, [mine, shared, lastKey, defaults, t]);

  // The table shows a view when it is chosen (here, from the palette, or remembered from last
  // time), not every time the stored view changes: a colleague's edit of a shared view does not
  // replace what the user is arranging.
  const applied = useRef<string | null>(null);
  const ready = lastKey !== undefined && !loading;
  // A view just made here is chosen before the live query lists it: wait for it, not the fallback.
  const awaited = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || !current || applied.current === current.key) return;
    if (awaited.current !== null && awaited.current === lastKey && current.key !== lastKey) return;
    awaited.current = null;
    applied.current = current.key;
    onViewChange(current.state);
  }, [ready, current, lastKey, onViewChange]);

  // "Open view: …" from the palette, asked for before or while this menu is on screen.
  useEffect(() => {
    const take = () => {
      const key = useViewRequests.getState().take(section);
      if (key) {
        applied.current = null;
        void rememberView(key);
      }
    };
    take();
    return useViewRequests.subscribe(take);
  }, [section, rememberView]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  // Escape closes it: the shell's `popup.close` reads this surface.
  useCommandSurface<{ close(): void }>('popup', open ? { close: () => setOpen(false) } : null);

  const changed = current !== null && viewStateDiffers(view, current.state);
  const own = current?.saved && current.saved.userId === ws.user.id ? current.saved : null;
  const mayShare = own !== null && mayShareViews(ws.user.role) && ws.user.teamId !== '';

  const choose = (key: string) => {
    setOpen(false);
    // Choosing the open view again puts the table back as the view has it.
    if (current?.key === key) onViewChange(current.state);
    applied.current = null;
    void rememberView(key);
  };
  const run = (work: () => Promise<unknown>) => {
    setOpen(false);
    work().catch((error: unknown) =>
      showToast(t('savedViews.failed', { message: error instanceof Error ? error.message : String(error) })),
    );
  };
  const nameCheck = (renaming?: string) => (name: string) =>
    checkViewName(name, mine, { userId: ws.user.id, section, ...(renaming ? { renaming } : {}) });

  const label = current
    ? t(changed ? 'savedViews.menuLabelChanged' : 'savedViews.menuLabel', { name: current.name })
    : t('savedViews.defaultGroup');

  const viewItem = (key: string, name: string, badge?: string) => (
    <li key={key}>
      <button
        type="button"
        className="views-menu-item"
        aria-current={current?.key === key ? 'true' : undefined}
        onClick={() => choose(key)}
      >
        {name}
        {badge && <span className="views-menu-badge"> ({badge})</span>}
      </button>
    </li>
  );

  return (
    <div className="views-menu" ref={root}>
      <button
        type="button"
        className="btn views-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{current?.name ?? label}</span>
        {changed && (
          <span className="views-menu-dot" aria-hidden="true" title={t('savedViews.changedDot')}>
            ●
          </span>
        )}
      </button>
      {open && (
        <div className="views-menu-panel card" id={panelId} role="group" aria-label={label}>
          <ViewGroup label={t('savedViews.defaultGroup')}>
            {defaults.map((d) => viewItem(d.key, defaultName(d)))}
          </ViewGroup>
          {mine.length > 0 && (
            <ViewGroup label={t('savedViews.mineGroup')}>
              {mine.map((v) => viewItem(v.id, v.name, v.sharedWithTeamId ? t('savedViews.sharedBadge') : undefined))}
            </ViewGroup>
          )}
          {shared.length > 0 && (
            <ViewGroup label={t('savedViews.sharedGroup')}>{shared.map((v) => viewItem(v.id, v.name))}</ViewGroup>
          )}
          <div className="views-menu-actions">
            {own && changed && (
              <button
                type="button"
                className="views-menu-item"
                onClick={() =>
                  run(async () => {
                    await saveViewState(ws, own.id, view);
                    applied.current = own.id;
                    showToast(t('savedViews.savedToast', { name: own.name }));
                  })
                }
              >
                {t('savedViews.save')}
              </button>
            )}
            <button type="button" className="views-menu-item" onClick={() => (setOpen(false), setDialog('saveAs'))}>
              {t('savedViews.saveAs')}
            </button>
            {own && (
              <button type="button" className="views-menu-item" onClick={() => (setOpen(false), setDialog('rename'))}>
                {t('savedViews.rename')}
              </button>
            )}
            {own && mayShare && (
              <button
                type="button"
                className="views-menu-item"
                onClick={() =>
                  run(async () => {
                    const sharing = own.sharedWithTeamId === '';
                    await setViewSharing(ws, own.id, sharing ? ws.user.teamId : '');
                    showToast(t(sharing ? 'savedViews.sharedToast' : 'savedViews.unsharedToast', { name: own.name }));
                  })
                }
              >
                {own.sharedWithTeamId === '' ? t('savedViews.share') : t('savedViews.unshare')}
              </button>
            )}
            {own && (
              <button type="button" className="views-menu-item" onClick={() => (setOpen(false), setDialog('delete'))}>
                {t('savedViews.delete')}
              </button>
            )}
          </div>
        </div>
      )}
      {dialog === 'saveAs' && (
        <ViewNameDialog
          title={t('savedViews.saveAsTitle')}
          initial=""
          check={nameCheck()}
          onCancel={() => setDialog(null)}
          onConfirm={(name) => {
            setDialog(null);
            run(async () => {
              const created = await createSavedView(ws, { section, name, position: nextViewPosition(mine) }, view);
              // The table already shows this state: choosing the new view must not reset it.
              applied.current = created.id;
              awaited.current = created.id;
              await rememberView(created.id);
              showToast(t('savedViews.createdToast', { name }));
            });
          }}
        />
      )}
      {dialog === 'rename' && own && (
        <ViewNameDialog
          title={t('savedViews.renameTitle')}
          initial={own.name}
          check={nameCheck(own.id)}
          onCancel={() => setDialog(null)}
          onConfirm={(name) => {
            setDialog(null);
            run(async () => {
              await renameSavedView(ws, own.id, name);
              showToast(t('savedViews.renamedToast', { name }));
            });
          }}
        />
      )}
      {dialog === 'delete' && own && (
        <ConfirmDialog
          title={t('savedViews.deleteTitle', { name: own.name })}
          body={t('savedViews.deleteBody', {
            sharedNote: own.sharedWithTeamId ? t('savedViews.deleteSharedNote') : '',
          })}
          confirmLabel={t('savedViews.delete')}
          danger
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            run(async () => {
              const removed = await removeSavedView(ws, own.id);
              if (!removed) return;
              // The table keeps what it shows; the menu falls back to the section's first view.
              applied.current = defaults[0]?.key ?? null;
              if (defaults[0]) await rememberView(defaults[0].key);
              showToast(t('savedViews.deletedToast', { name: removed.name }), {
                label: t('common.undo'),
                run: () =>
                  run(async () => {
                    const restored = await restoreSavedView(ws, removed);
                    applied.current = restored.id;
                    awaited.current = restored.id;
                    await rememberView(restored.id);
                    showToast(t('savedViews.restoredToast', { name: restored.name }));
                  }),
              });
            });
          }}
        />
      )}
    </div>
  );
}

function ViewGroup({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className="views-menu-group">
      <p className="views-menu-heading" id={id}>
        {label}
      </p>
      <ul role="list" aria-labelledby={id}>
        {children}
      </ul>
    </div>
  );
}
