import { describe, expect, it } from 'vitest';
import { isPostgresClosedSocketRace } from '@/db/driver-guard';

describe('the postgres.js closed-socket guard', () => {
  it('recognises only the driver race, never other errors', () => {
    const race = new TypeError("Cannot read properties of null (reading 'write')");
    race.stack = `${race.message}\n    at Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)`;
    expect(isPostgresClosedSocketRace(race)).toBe(true);
    const elsewhere = new TypeError("Cannot read properties of null (reading 'write')");
    elsewhere.stack = `${elsewhere.message}\n    at write (/app/lib/protocols/commands.ts:10:1)`;
    expect(isPostgresClosedSocketRace(elsewhere)).toBe(false);
    expect(isPostgresClosedSocketRace(new Error('CONNECTION_CLOSED'))).toBe(false);
  });
});
