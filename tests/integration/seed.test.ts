import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { generateDemoData } from '@/db/demo';
import { publicConstituencies, publicConstituencyRegions } from '@/lib/constituency-lists/queries';
import { isDatabaseEmpty, seedDemoData } from '@/db/seed';
import { imageCoverage, precinctScans, precinctsMissingImages, storedFileAccess, totalCoverage } from '@/lib/protocol-images/queries';
import { readVerified } from '@/lib/storage';
import { postgresStore } from '@/lib/storage/postgres-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const REFERENCE_DATE = '2025-06-01';
let testDb: TestDatabase;
let emptyBeforeSeeding: boolean;
beforeAll(async () => {
  testDb = await createTestDatabase();
  emptyBeforeSeeding = await isDatabaseEmpty(testDb.db);
  await seedDemoData(testDb.db, { referenceDate: REFERENCE_DATE });
});
afterAll(async () => {
  await testDb?.drop();
});

/** The approved figures of every 2023 precinct, with its region: what published results are built from. */
const APPROVED_2023 = sql`
  from protocols p
  join protocol_entries e on e.id = p.approved_entry_id
  join precincts pr on pr.id = p.precinct_id
  join constituencies c on c.id = pr.constituency_id
  join regions r on r.id = c.region_id
  join elections el on el.id = c.election_id
  where el.slug = 'akim-2023' and p.status = 'approved'`;

describe('seeded demo, recomputed with SQL', () => {
  it('holds the 2023 lists: 45 constituencies, 1,491 precincts, 1,062,327 voters', async () => {
    const [row] = await selectRows<{ constituencies: number; precincts: number; voters: number }>(
      testDb.db,
      sql`select count(distinct c.id)::int as constituencies, count(pr.id)::int as precincts, sum(pr.voters_on_list)::int as voters
          from constituencies c join precincts pr on pr.constituency_id = c.id join elections el on el.id = c.election_id
          where el.slug = 'akim-2023'`,
    );
    expect(row).toEqual({ constituencies: 45, precincts: 1491, voters: 1_062_327 });
  });

  it('gives the public list the same figures by region and region by region, from the running totals', async () => {
    const [pilot] = await selectRows<{ id: number }>(testDb.db, sql`select id from elections where slug = 'akim-2023'`);
    const regions = await publicConstituencyRegions(testDb.db, pilot!.id);
    const sum = (key: 'constituencies' | 'precincts' | 'votersOnList') => regions.reduce((total, r) => total + r[key], 0);
    expect([sum('constituencies'), sum('precincts'), sum('votersOnList')]).toEqual([45, 1491, 1_062_327]);
    for (const region of regions) {
      const rows = await publicConstituencies(testDb.db, pilot!.id, region.code);
      expect(rows.every((row) => row.regionCode === region.code)).toBe(true);
      expect([rows.length, rows.reduce((total, row) => total + row.precincts, 0), rows.reduce((total, row) => total + row.votersOnList, 0)]).toEqual([
        region.constituencies,
        region.precincts,
        region.votersOnList,
      ]);
    }
    expect(await publicConstituencies(testDb.db, pilot!.id)).toHaveLength(45);
  });

  it('has a turnout of 62.79% from the approved entries of every precinct', async () => {
    const [row] = await selectRows<{ protocols: number; turnout: number }>(
      testDb.db,
      sql`select count(*)::int as protocols, round(100.0 * sum(e.ballots_cast) / sum(e.voters_at_close), 2)::float8 as turnout ${APPROVED_2023}`,
    );
    expect(row).toEqual({ protocols: 1491, turnout: 62.79 });
  });

  it('registered 161 candidates, 89 of them self-nominated, and had 125 on the ballots', async () => {
    const [row] = await selectRows<{ registered: number; selfNominated: number; onBallot: number; cancelled: number }>(
      testDb.db,
      sql`select count(*) filter (where k.status in ('registered', 'cancelled') or (k.status = 'withdrawn' and k.decided_at is not null))::int as registered,
                 count(*) filter (where (k.status in ('registered', 'cancelled') or (k.status = 'withdrawn' and k.decided_at is not null)) and k.nomination_route = 'self')::int as "selfNominated",
                 count(*) filter (where k.status = 'registered')::int as "onBallot",
                 count(*) filter (where k.status = 'cancelled')::int as cancelled
          from candidates k join elections el on el.id = k.election_id
          where el.slug = 'akim-2023'`,
    );
    expect(row).toMatchObject({ registered: 161, selfNominated: 89, onBallot: 125 });
    // Every cancellation is a decided row of its own, by someone other than who proposed it.
    const [decided] = await selectRows<{ cancellations: number }>(
      testDb.db,
      sql`select count(*)::int as cancellations from registration_cancellations x join candidates k on k.id = x.candidate_id join elections el on el.id = k.election_id
          where el.slug = 'akim-2023' and x.status = 'cancelled' and x.decided_by <> x.proposed_by and x.decision_number is not null`,
    );
    expect(decided!.cancellations).toBe(row!.cancelled);
  });

  it('registered every elected akim of 2023 by 15 November, the winner of each constituency', async () => {
    const rows = await selectRows<{ registered: number; late: number; notOnBallot: number }>(
      testDb.db,
      sql`select count(*)::int as registered, count(*) filter (where a.decision_date > el.akim_registration_deadline)::int as late,
                 count(*) filter (where k.status <> 'registered')::int as "notOnBallot"
          from akim_registrations a join constituencies c on c.id = a.constituency_id join elections el on el.id = c.election_id
          join candidates k on k.id = a.candidate_id where el.slug = 'akim-2023' and a.outcome = 'registered'`,
    );
    expect(rows[0]).toEqual({ registered: 45, late: 0, notOnBallot: 0 });
  });

  it('elected 45 akims, one per constituency without ties, 46.7 years old on average', async () => {
    const [row] = await selectRows<{ winners: number; constituencies: number; averageAge: number }>(
      testDb.db,
      sql`with totals as (
            select k.id, k.constituency_id, k.birth_date, el.voting_day, sum(v.votes) as votes
            from candidates k
            join protocol_entry_votes v on v.candidate_id = k.id
            join protocols p on p.approved_entry_id = v.entry_id
            join elections el on el.id = k.election_id
            where el.slug = 'akim-2023'
            group by k.id, el.voting_day
          ), ranked as (
            select *, rank() over (partition by constituency_id order by votes desc) as place from totals
          )
          select count(*)::int as winners, count(distinct constituency_id)::int as constituencies,
                 round(avg(extract(year from age(voting_day, birth_date))), 1)::float8 as "averageAge"
          from ranked where place = 1`,
    );
    expect(row).toEqual({ winners: 45, constituencies: 45, averageAge: 46.7 });
  });

  it('ranks Aktobe, Turkistan, Almaty, Mangystau and Jetisu highest for turnout', async () => {
    const rows = await selectRows<{ code: string }>(
      testDb.db,
      sql`select r.code ${APPROVED_2023} group by r.code order by sum(e.ballots_cast)::float8 / sum(e.voters_at_close) desc limit 5`,
    );
    expect(rows.map((row) => row.code)).toEqual(['aktobe', 'turkistan', 'almaty', 'mangystau', 'jetisu']);
  });

  it('stores only entries whose ballots add up', async () => {
    const [row] = await selectRows<{ entries: number; unbalanced: number }>(
      testDb.db,
      sql`select count(*)::int as entries,
                 count(*) filter (where e.ballots_cast <> e.ballots_invalid + coalesce(e.votes_against_all, 0) + coalesce(v.votes, 0))::int as unbalanced
          from protocol_entries e
          left join (select entry_id, sum(votes) as votes from protocol_entry_votes group by entry_id) v on v.entry_id = e.id`,
    );
    expect(row?.entries).toBeGreaterThan(2 * 1491);
    expect(row?.unbalanced).toBe(0);
  });

  it('leaves work in every queue: lists and nominations in the upcoming election, protocols in the one being counted', async () => {
    const rows = await selectRows<{ election: string; kind: string; state: string }>(
      testDb.db,
      sql`select el.slug as election, 'protocol' as kind, p.status::text as state from protocols p
            join precincts pr on pr.id = p.precinct_id join constituencies c on c.id = pr.constituency_id
            join elections el on el.id = c.election_id where el.slug in ('akim-2027', 'akim-counting')
          union select el.slug, 'candidate', k.status::text from candidates k join elections el on el.id = k.election_id where el.slug = 'akim-2027'
          union select el.slug, 'list', r.status::text from constituency_list_revisions r join elections el on el.id = r.election_id where el.slug = 'akim-2027'
          order by 1, 2, 3`,
    );
    expect(rows).toEqual([
      { election: 'akim-2027', kind: 'candidate', state: 'nominated' },
      { election: 'akim-2027', kind: 'candidate', state: 'registered' },
      { election: 'akim-2027', kind: 'list', state: 'approved' },
      { election: 'akim-2027', kind: 'list', state: 'draft' },
      { election: 'akim-2027', kind: 'list', state: 'returned' },
      { election: 'akim-2027', kind: 'list', state: 'submitted' },
      { election: 'akim-counting', kind: 'protocol', state: 'approved' },
      { election: 'akim-counting', kind: 'protocol', state: 'awaiting_review' },
      { election: 'akim-counting', kind: 'protocol', state: 'entered_once' },
      { election: 'akim-counting', kind: 'protocol', state: 'mismatch' },
    ]);
  });

  it('publishes an image of every 2023 protocol, drawn from its own approved figures and stored by its hash', async () => {
    const [pilot] = await selectRows<{ id: number }>(testDb.db, sql`select id from elections where slug = 'akim-2023'`);
    const coverage = totalCoverage((await imageCoverage(testDb.db, pilot!.id)).values());
    expect(coverage).toEqual({ approved: 1491, published: 1491 });
    const [precinct] = await selectRows<{ id: number; votersAtClose: number; foundMobile: number }>(
      testDb.db,
      sql`select pr.id, e.voters_at_close as "votersAtClose", e.ballots_found_mobile as "foundMobile" ${APPROVED_2023} and e.voters_at_close > e.voters_on_list order by pr.id limit 1`,
    );
    const [scan] = await precinctScans(testDb.db, precinct!.id, 'public');
    expect(scan).toMatchObject({ versionNo: 1, demoRendering: true });
    // Served as what it is: the rendering is its own preview.
    expect(await storedFileAccess(testDb.db, scan!.files[0]!.sha256)).toMatchObject({ contentType: 'image/svg+xml', published: true });
    const bytes = await readVerified(postgresStore, testDb.db, scan!.files[0]!.sha256);
    const svg = new TextDecoder().decode(bytes!);
    expect(svg).toContain('DEMO RENDERING');
    // Line 1 of the paper is the voters at the close (here a list that grew on the day), line 6 the mobile boxes.
    expect(svg).toContain(`>${precinct!.votersAtClose}<`);
    expect(svg).toContain(`>${precinct!.foundMobile}<`);
    // In the counting election, approved protocols without an image say why.
    const missing = await selectRows<{ reason: string | null }>(
      testDb.db,
      sql`select v.approved_without_image_reason as reason from protocols p join protocol_versions v on v.protocol_id = p.id
          where p.status = 'approved' and not exists (select 1 from protocol_scans s where s.precinct_id = p.precinct_id)`,
    );
    expect(missing.length).toBeGreaterThan(0);
    for (const row of missing) expect(row.reason).toBeTruthy();
  });

  it('lists the precincts published without an image a page at a time, page after page the same rows as whole', async () => {
    const [counting] = await selectRows<{ id: number }>(testDb.db, sql`select id from elections where slug = 'akim-counting'`);
    const whole = await precinctsMissingImages(testDb.db, counting!.id);
    expect(new Set(whole.map((m) => m.constituency.code)).size).toBeGreaterThan(1);
    const paged = [];
    for (let offset = 0; offset < whole.length; offset += 2) paged.push(...(await precinctsMissingImages(testDb.db, counting!.id, { offset, limit: 2 })));
    expect(paged).toEqual(whole);
  });

  it('records the seeding in the audit log', async () => {
    const rows = await selectRows<{ action: string; entityType: string }>(testDb.db, sql`select action, entity_type as "entityType" from audit_log`);
    expect(rows).toEqual([{ action: 'demo.seed', entityType: 'database' }]);
  });

  it('refuses to seed a database that already holds elections', async () => {
    expect(emptyBeforeSeeding).toBe(true);
    expect(await isDatabaseEmpty(testDb.db)).toBe(false);
    await expect(seedDemoData(testDb.db)).rejects.toThrow(/already holds elections/);
    const [row] = await selectRows<{ elections: number }>(testDb.db, sql`select count(*)::int as elections from elections`);
    expect(row?.elections).toBe(generateDemoData(REFERENCE_DATE).elections.length);
  });
});
