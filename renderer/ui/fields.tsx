import { useId, type ReactNode, type Ref } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  wide?: boolean;
  required?: boolean;
}

function FieldShell({ label, error, hint, wide, id, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({
  value,
  onChange,
  type = 'text',
  autoComplete = 'off',
  inputRef,
  ...props
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  placeholder?: string;
  /** Shown and focusable but not typed in: a value a rule decides, its reason given as the hint. */
  readOnly?: boolean;
  /** For a dialog that focuses the field, or selects part of it, when it opens. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <FieldShell {...props} id={id}>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type={type}
        value={value}
        autoComplete={autoComplete}
        placeholder={props.placeholder}
        required={props.required}
        readOnly={props.readOnly}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  value,
  onChange,
  ...props
}: FieldProps & { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <FieldShell {...props} id={id}>
      <textarea
        id={id}
        className="textarea"
        value={value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField({
  value,
  onChange,
  options,
  ...props
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string; disabled?: boolean }[];
}) {
  const id = useId();
  return (
    <FieldShell {...props} id={id}>
      <select
        id={id}
        className="select"
        value={value}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** An amount and its currency, typed as text and parsed with the locale's separators. */
export function MoneyField({
  amount,
  currency,
  currencies,
  onAmountChange,
  onCurrencyChange,
  currencyLabel,
  ...props
}: FieldProps & {
  amount: string;
  currency: string;
  currencies: readonly string[];
  currencyLabel: string;
  onAmountChange: (value: string) => void;
  onCurrencyChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <FieldShell {...props} id={id}>
      <div className="money-input">
        <input
          id={id}
          className="input"
          inputMode="decimal"
          value={amount}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(id, props.error, props.hint)}
          onChange={(e) => onAmountChange(e.target.value)}
        />
        <select
          className="select"
          aria-label={currencyLabel}
          value={currency}
          onChange={(e) => onCurrencyChange(e.target.value)}
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    </FieldShell>
  );
}
