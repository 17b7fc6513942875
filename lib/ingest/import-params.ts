// Query parameters the import endpoints take, shared with the upload form.
import { z } from 'zod';

export const importParamsSchema = z.object({
  file_name: z.string().min(1).max(255).optional(),
  team: z.string().max(100).optional(),
  time_zone: z.string().max(64).optional(),
  assume_model: z.string().min(1).max(100).optional(),
});

export type ImportParams = z.infer<typeof importParamsSchema>;

export function readImportParams(request: Request): ImportParams {
  const url = new URL(request.url);

  return importParamsSchema.parse(Object.fromEntries(url.searchParams));
}
