// The pieces the settings forms are built from: a labelled field, a
// wrapping row of fields, and a submit button that says while it works.
import type { ReactNode } from 'react';

export function Field(props: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="field">
      {props.label}
      {props.children}
      {props.error ? <span style={{ color: 'var(--danger)' }}>{props.error}</span> : null}
    </label>
  );
}

export function FieldRow({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>{children}</div>;
}

export function SubmitButton(props: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <div style={{ alignSelf: 'end' }}>
      <button type="submit" disabled={props.pending}>
        {props.pending ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}

/** The options of a select, one for each item. */
export function Options<Item>(props: {
  items: Item[];
  value: (item: Item) => string;
  label: (item: Item) => string;
}) {
  return props.items.map((item) => (
    <option key={props.value(item)} value={props.value(item)}>
      {props.label(item)}
    </option>
  ));
}
