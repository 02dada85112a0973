/** PostgreSQL error details, whichever driver raised them (Drizzle wraps them in `cause`). */
export function postgresError(error: unknown): { code?: string; constraint?: string; message: string } | null {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; message?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return {
        code: candidate.code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        message: typeof candidate.message === 'string' ? candidate.message : '',
      };
    }
  }
  return null;
}

export const isUniqueViolation = (error: unknown, constraint?: string) => {
  const pg = postgresError(error);
  return pg?.code === '23505' && (!constraint || pg.constraint === constraint);
};
