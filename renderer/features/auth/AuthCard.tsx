import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of every screen before sign-in: the brand, a title and one card. */
export function AuthCard({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <main className="auth-screen">
      <section className="card auth-card" aria-labelledby={titleId}>
        <div className="auth-brand" aria-hidden="true">
          <span className="brand-mark">◆</span> {t('app.name')}
        </div>
        <h1 id={titleId}>{title}</h1>
        {hint && <p className="muted">{hint}</p>}
        {children}
      </section>
    </main>
  );
}
