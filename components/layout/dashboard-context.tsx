'use client';

// What every dashboard panel needs to know about the viewer: their time zone,
// the quarter in progress there and which quarter a view without dates shows.
import { createContext, useContext, type ReactNode } from 'react';

export interface DashboardSettings {
  timeZone: string;
  /** e.g. "2026-Q4": the quarter in progress in the organisation's time zone. */
  currentQuarter: string;
  /** e.g. "2026-Q3": the last full quarter, shown when the URL has no dates. */
  defaultQuarter: string;
}

const Context = createContext<DashboardSettings>({
  timeZone: 'UTC',
  currentQuarter: '',
  defaultQuarter: '',
});

export function DashboardProvider({
  value,
  children,
}: {
  value: DashboardSettings;
  children: ReactNode;
}) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useDashboardSettings = () => useContext(Context);
