import { useState } from 'react';
import type { ListProperty, PropertyDefinition, PropertyValue } from '@archgen/model';

type Item = { [key: string]: PropertyValue };

function asItems(value: PropertyValue): Item[] {
  return Array.isArray(value)
    ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Item) : {}))
    : [];
}

function newItem(fields: readonly PropertyDefinition[], index: number): Item {
  const item: Item = {};
  for (const f of fields)
    item[f.key] = f.kind === 'string' && f.key === 'name' ? `item${index + 1}` : structuredClone(f.default);
  return item;
}

/** Editor for list properties (e.g. DynamoDB GSIs): one row per item, each field labelled. */
export function ListEditor({
  def,
  value,
  check,
  commit,
  marker,
  onReset,
}: {
  def: ListProperty;
  value: PropertyValue;
  check(value: PropertyValue): string | null;
  commit(value: PropertyValue): void;
  marker?: string;
  onReset?: () => void;
}) {
  const [draft, setDraft] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = draft ?? asItems(value);
  const update = (next: Item[]) => {
    const message = check(next);
    setError(message);
    if (message === null) {
      setDraft(null);
      commit(next);
    } else setDraft(next);
  };
  const setField = (index: number, key: string, fieldValue: PropertyValue) =>
    update(items.map((item, i) => (i === index ? { ...item, [key]: fieldValue } : item)));
  const full = def.maxItems !== undefined && items.length >= def.maxItems;
  return (
    <fieldset className={`list-editor${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">
        {def.label} <span className="field__unit">({items.length})</span>
        {marker && <span className="chip chip--override">{marker}</span>}
        {onReset && (
          <button type="button" className="btn btn--link" onClick={onReset} aria-label={`Reset ${def.label}`}>
            Reset
          </button>
        )}
      </legend>
      {items.map((item, index) => (
        <div key={index} className="list-editor__item" role="group" aria-label={`${def.label} ${index + 1}`}>
          {def.item.map((field) => {
            const fieldValue = item[field.key] ?? field.default;
            const label = `${field.label}`;
            if (field.kind === 'boolean')
              return (
                <label key={field.key} className="list-editor__field list-editor__field--check">
                  <input
                    type="checkbox"
                    checked={fieldValue === true}
                    onChange={(e) => setField(index, field.key, e.target.checked)}
                  />
                  {label}
                </label>
              );
            if (field.kind === 'enum')
              return (
                <label key={field.key} className="list-editor__field">
                  <span>{label}</span>
                  <select
                    value={String(fieldValue)}
                    onChange={(e) => setField(index, field.key, e.target.value)}
                  >
                    {field.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
              );
            return (
              <label key={field.key} className="list-editor__field">
                <span>{label}</span>
                <input
                  type={field.kind === 'number' ? 'number' : 'text'}
                  value={String(fieldValue ?? '')}
                  spellCheck={false}
                  onChange={(e) =>
                    setField(
                      index,
                      field.key,
                      field.kind === 'number' ? Number(e.target.value) : e.target.value,
                    )
                  }
                />
              </label>
            );
          })}
          <button
            type="button"
            className="btn btn--tiny btn--danger-ghost"
            aria-label={`Remove ${def.label} ${index + 1}`}
            onClick={() => update(items.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
      <button
        type="button"
        className="btn btn--small"
        disabled={full}
        onClick={() => update([...items, newItem(def.item, items.length)])}
      >
        Add to {def.label}
      </button>
      {def.help && <div className="field__help">{def.help}</div>}
    </fieldset>
  );
}
