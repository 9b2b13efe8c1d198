import { useId, useState } from 'react';
import type { PropertyDefinition, PropertyValue } from '@archgen/model';

export interface FieldProps {
  def: PropertyDefinition;
  value: PropertyValue;
  /** Validates a candidate value; returns the message to show, or null when it may be committed. */
  check(value: PropertyValue): string | null;
  commit(value: PropertyValue): void;
  /** Shown after the label: "overridden" in an environment, nothing in base. */
  marker?: string;
  /** Present when the value can be reset (an override or a non-default base value). */
  onReset?: () => void;
  resetLabel?: string;
  /** A problem with the committed value (e.g. a cross-field check). */
  issue?: string;
}

function display(value: PropertyValue): string {
  return value === null || value === undefined ? '' : String(value);
}

/** One catalog property as a form control, labelled by the property's label. */
export function PropertyField(props: FieldProps) {
  const { def, marker, onReset, resetLabel, issue } = props;
  const id = useId();
  const help = def.help ? `${id}-help` : undefined;
  const [error, setError] = useState<string | null>(null);
  const shownError = error ?? issue ?? null;
  const errorId = shownError ? `${id}-error` : undefined;
  const describedBy = [help, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${shownError ? ' field--invalid' : ''}${marker ? ' field--marked' : ''}`}>
      <div className="field__label-row">
        <label htmlFor={id} className="field__label">
          {def.label}
          {def.kind === 'number' && def.unit ? <span className="field__unit"> ({def.unit})</span> : null}
        </label>
        {marker && <span className="chip chip--override">{marker}</span>}
        {onReset && (
          <button
            type="button"
            className="btn btn--link"
            onClick={onReset}
            aria-label={resetLabel ?? `Reset ${def.label}`}
          >
            Reset
          </button>
        )}
      </div>
      <FieldControl
        {...props}
        id={id}
        describedBy={describedBy}
        invalid={Boolean(shownError)}
        onError={setError}
      />
      {shownError && (
        <div id={errorId} className="field__error" role="alert">
          {shownError}
        </div>
      )}
      {def.help && (
        <div id={help} className="field__help">
          {def.help}
        </div>
      )}
    </div>
  );
}

function FieldControl({
  def,
  value,
  check,
  commit,
  id,
  describedBy,
  invalid,
  onError,
}: FieldProps & {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  onError(message: string | null): void;
}) {
  // While a text or number field has focus, what the person typed is kept even when invalid.
  const [draft, setDraft] = useState<string | null>(null);
  const attempt = (candidate: PropertyValue) => {
    const message = check(candidate);
    onError(message);
    if (message === null) commit(candidate);
  };
  switch (def.kind) {
    case 'boolean':
      return (
        <input
          id={id}
          type="checkbox"
          className="field__checkbox"
          checked={value === true}
          aria-describedby={describedBy}
          onChange={(e) => attempt(e.target.checked)}
        />
      );
    case 'enum':
      return (
        <select
          id={id}
          value={display(value)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => attempt(e.target.value)}
        >
          {!def.options.some((o) => o.value === value) && (
            <option value={display(value)}>{display(value)}</option>
          )}
          {def.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'number':
      return (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={def.min}
          max={def.max}
          step={def.integer ? 1 : 'any'}
          value={draft ?? display(value)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            if (text.trim() === '') {
              onError(`${def.label} must be a number`);
              return;
            }
            attempt(Number(text));
          }}
          onBlur={() => setDraft(null)}
        />
      );
    case 'string':
      return (
        <input
          id={id}
          type="text"
          value={draft ?? display(value)}
          maxLength={def.maxLength}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => {
            setDraft(e.target.value);
            attempt(e.target.value);
          }}
          onBlur={() => setDraft(null)}
        />
      );
    case 'json':
      // Kept as imported and printed unchanged: shown, not edited here.
      return (
        <textarea
          id={id}
          className="field__json"
          readOnly
          spellCheck={false}
          rows={Math.min(12, JSON.stringify(value ?? null, null, 2).split('\n').length)}
          value={JSON.stringify(value ?? null, null, 2)}
          aria-describedby={describedBy}
        />
      );
    case 'list':
      return null;
  }
}
