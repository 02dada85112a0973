/**
 * `npm run user:create -- --email a@b.kz --name "Full Name" [--role admin] [--region aktobe]`
 * Creates a user on any database (typically the first admin on a real server). The password is
 * read from PORTAL_USER_PASSWORD or asked for on the terminal, never taken from the command line.
 */
import { eq } from 'drizzle-orm';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { regions, users } from '../db/schema';
import { writeAudit } from '../lib/audit/write';
import { hashPassword } from '../lib/auth/password';
import { createUserSchema } from '../lib/users/schemas';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, region: { type: 'string' } },
});

async function readPassword(): Promise<string> {
  if (process.env.PORTAL_USER_PASSWORD) return process.env.PORTAL_USER_PASSWORD;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await terminal.question('Password (at least 12 characters): ');
  terminal.close();
  return answer;
}

const url = process.env.DATABASE_URL || undefined;
const handle = openDatabase({ url, maxConnections: 1 });
try {
  await migrateDatabase(handle, url);
  const [region] = values.region ? await handle.db.select().from(regions).where(eq(regions.code, values.region)) : [];
  if (values.region && !region) throw new Error(`Unknown region code: ${values.region}`);
  const parsed = createUserSchema.safeParse({
    email: values.email,
    fullName: values.name,
    role: values.role,
    regionId: region?.id ?? null,
    password: await readPassword(),
  });
  if (!parsed.success) {
    for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) console.error(`${field}: ${messages?.join(', ')}`);
    process.exitCode = 1;
  } else {
    const input = parsed.data;
    await handle.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, fullName: input.fullName, role: input.role, regionId: input.regionId, passwordHash: await hashPassword(input.password) })
        .returning();
      if (!created) throw new Error('insert failed');
      await writeAudit(tx, null, {
        action: 'users.create.cli',
        entityType: 'user',
        entityId: created.id,
        after: { email: created.email, role: created.role, regionId: created.regionId },
      });
    });
    console.log(`Created ${input.role} ${input.email}.`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
