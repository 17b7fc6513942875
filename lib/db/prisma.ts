import { PrismaPg } from '@prisma/adapter-pg';

import { PrismaClient } from '@/lib/db/generated/client';
import { getPool } from '@/lib/db/pool';

const globalForPrisma = globalThis as unknown as { greenopsPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.greenopsPrisma) {
    globalForPrisma.greenopsPrisma = new PrismaClient({ adapter: new PrismaPg(getPool()) });
  }

  return globalForPrisma.greenopsPrisma;
}
