import Link from 'next/link';
import type { ReactNode } from 'react';

import { AppNav, MenuButton, type NavItem } from '@/components/layout/app-nav';
import { DashboardProvider } from '@/components/layout/dashboard-context';
import { can, requireViewer, ROLE_LABELS, type Role } from '@/lib/auth/viewer';
import { formatQuarter, quarterOf, shiftQuarter } from '@/lib/kpi/filters';

import '@/components/layout/shell.css';

function navFor(role: Role): NavItem[] {
  const settings: NavItem[] = [
    ...(can.manageFactors(role)
      ? [
          { href: '/settings/factors', label: 'Factors' },
          { href: '/settings/contracts', label: 'Energy contracts' },
          { href: '/settings/targets', label: 'Targets' },
        ]
      : []),
    ...(can.manageKeys(role) ? [{ href: '/settings/api-keys', label: 'API keys' }] : []),
    ...(can.manageUsers(role)
      ? [
          { href: '/settings/users', label: 'Users' },
          { href: '/settings/organisation', label: 'Organisation' },
        ]
      : []),
    ...(can.viewAudit(role) ? [{ href: '/settings/audit', label: 'Audit log' }] : []),
  ];

  return [
    { href: '/', label: 'Overview' },
    { href: '/teams', label: 'Teams' },
    { href: '/models', label: 'Models' },
    { href: '/pipelines', label: 'Pipelines' },
    { href: '/llm', label: 'LLM APIs' },
    { href: '/events', label: 'Events' },
    { href: '/imports', label: 'Imports' },
    { href: '/reconciliation', label: 'Reconciliation' },
    ...(can.viewReports(role) ? [{ href: '/reports', label: 'Reports' }] : []),
    ...(settings.length > 0 ? [{ href: '/settings', label: 'Settings', children: settings }] : []),
  ];
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const current = quarterOf(new Date(), viewer.timeZone);
  const settings = {
    timeZone: viewer.timeZone,
    currentQuarter: formatQuarter(current),
    defaultQuarter: formatQuarter(shiftQuarter(current, -1)),
  };

  return (
    <DashboardProvider value={settings}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="shell-header">
        <MenuButton controls="main-nav" />
        <Link href="/" className="shell-brand">
          GreenOps
        </Link>
        <span className="shell-org">{viewer.organisationName}</span>
        <div className="shell-user">
          <span>
            <span className="shell-user-name">{viewer.name} · </span>
            <span className="muted">{ROLE_LABELS[viewer.role]}</span>
          </span>
          {/* next-auth's sign-out page is an API route, not an app page. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/auth/signout">Sign out</a>
        </div>
      </header>
      <div className="shell-body">
        <AppNav id="main-nav" items={navFor(viewer.role)} />
        <div id="main" className="shell-main">
          {children}
        </div>
      </div>
    </DashboardProvider>
  );
}
