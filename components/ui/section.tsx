import type { ReactNode } from 'react';

/** A titled panel of a settings page; its heading names the region. */
export function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
