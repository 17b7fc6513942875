// npm run user:create -- --admin --email a@b.c --name "A" --password … --org-slug acme
// Creates the organisation when missing and the user with a membership;
// for an existing email it resets the password and role.
import { parseArgs } from 'node:util';

import { provisionUser } from '@/lib/auth/provision';
import { isRole, ROLES, type Role } from '@/lib/auth/roles';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/user-admin';

import { withDatabase } from './database';

const usage = `Usage: npm run user:create -- --email EMAIL --name NAME --org-slug SLUG
  [--admin | --role ${ROLES.join('|')}] [--org-name NAME]
  [--password PASSWORD]   (or set GREENOPS_USER_PASSWORD to keep it out of shell history)`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      admin: { type: 'boolean', default: false },
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'org-slug': { type: 'string' },
      'org-name': { type: 'string' },
    },
  });
  const password = values.password ?? process.env.GREENOPS_USER_PASSWORD;
  const role: unknown = values.admin ? 'admin' : (values.role ?? 'engineer');
  const problems: string[] = [];
  if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email))
    problems.push('--email needs an email address');
  if (!values.name?.trim()) problems.push('--name is required');
  if (!values['org-slug'] || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(values['org-slug'])) {
    problems.push('--org-slug is required: lower-case letters, digits and dashes');
  }
  if (!password || password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`--password is required, at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!isRole(role)) problems.push(`--role must be one of ${ROLES.join(', ')}`);
  if (problems.length) throw new Error(`${problems.join('\n')}\n\n${usage}`);

  return {
    email: values.email ?? '',
    name: values.name ?? '',
    password: password ?? '',
    role: role as Role,
    organisationSlug: values['org-slug'] ?? '',
    organisationName: values['org-name'],
  };
}

async function main() {
  const input = readOptions();
  await withDatabase(async (client) => {
    await client.query('BEGIN');
    try {
      const result = await provisionUser(client, input);
      await client.query('COMMIT');
      if (result.createdOrganisation) console.log(`Created organisation ${input.organisationSlug}`);
      console.log(
        result.createdUser
          ? `Created ${input.email} as ${input.role} of ${input.organisationSlug}`
          : `Updated ${input.email}: new password, ${input.role} of ${input.organisationSlug}`,
      );
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

main().catch((error: unknown) => {
  console.error(`user:create failed: ${(error as Error).message}`);
  process.exit(1);
});
