// Slugs name teams, models, pipelines and runs in URLs and idempotency keys.

export const SLUG_PATTERN = /^[a-z0-9._-]{1,100}$/;

export const SLUG_RULE = '1 to 100 lowercase letters, digits, "-", "_" or "."';

/** Turns a free name (a CodeCarbon project, an LLM id) into a slug, or undefined. */
export function slugify(name: string): string | undefined {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');

  return slug === '' ? undefined : slug;
}
