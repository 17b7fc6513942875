// The role matrix in one place: pages, route handlers and the UI all ask
// `can.*` rather than listing roles themselves.
export const ROLES = ['admin', 'sustainability_officer', 'engineer', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  sustainability_officer: 'Sustainability officer',
  engineer: 'Engineer',
  executive: 'Executive',
};

const allow =
  (...roles: Role[]) =>
  (role: Role | null | undefined): boolean =>
    role != null && roles.includes(role);

export const can = {
  manageUsers: allow('admin'),
  /** Engineers manage only their own team's keys: see lib/auth/key-scope.ts. */
  manageKeys: allow('admin', 'engineer'),
  manageFactors: allow('admin', 'sustainability_officer'),
  generateReports: allow('admin', 'sustainability_officer'),
  viewReports: allow('admin', 'sustainability_officer', 'executive'),
  importData: allow('admin', 'engineer'),
  viewAudit: allow('admin', 'sustainability_officer'),
  viewDashboards: allow(...ROLES),
};

/** The roles for which `can[ability]` is true, for `requireViewer({ roles })`. */
export function rolesThat(ability: keyof typeof can): Role[] {
  return ROLES.filter((role) => can[ability](role));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
