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

/** A labelled input of the sign-in forms. */
export function AuthField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  required = true,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url';
  autoComplete?: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
