/**
 * `npm run bench`: election-night performance on a national-scale synthetic election
 * (10,000 precincts, 250 constituencies, 1,200 candidates) and on one ten times its size (100,000
 * precincts, 2,500 constituencies, 12,000 candidates, 20M voters) on the PostgreSQL server at
 * BENCH_DATABASE_URL (default: the local server). Measures the national aggregation, protocol
 * submissions and approvals, HTTP throughput of public pages and the API against a static file,
 * through nginx, and at ten times the size how soon readers see an approval, every public page
 * uncached and an instance's memory; writes docs/performance.md.
 * Needs a production build (`npm run build`); runs on throw-away databases it drops afterwards
 * (BENCH_KEEP_DB=1 keeps them for investigation; BENCH_ONLY=tenfold measures only the larger
 * election and prints its figures without writing the document).
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { openDatabase, selectRows, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { candidates, constituencies, constituencyListRevisions, elections, precincts, protocols, regions, users } from '../db/schema';
import { hashPassword } from '../lib/auth/password';
import { executeCommand } from '../lib/commands';
import { approveProtocol, enterProtocol } from '../lib/protocols/commands';
import { signedAtFromDate } from '../lib/protocols/definition';
import { constituencyResult, electionResults, refreshedElectionResults } from '../lib/results/aggregate';
import { NGINX, SERVER_NODE_FLAGS, startCluster, waitUntilOk, type Cluster } from './cluster.mjs';

const BENCH_PASSWORD = 'bench-password-2026';
const PORT = Number(process.env.BENCH_PORT ?? 3300);
/** The several-instance layout (decision 012): nginx, its two instances, and a bare nginx serving a file. */
const CLUSTER_PORTS = { nginx: PORT + 1, instances: [PORT + 2, PORT + 3], staticNginx: PORT + 4 };
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The election's size; votersOnList of precinct i is votersBase + (i × 7919 mod votersSpread). */
type Scale = { label: string; regions: number; constituencies: number; precincts: number; candidates: number; votersBase: number; votersSpread: number };
/** How many precincts of each constituency are left to enter (the submissions measured). */
const MISSING_PER_CONSTITUENCY = 2;

/** Kazakhstan's size at national scale (~12M voters), and ten times its precincts with 20M voters (issue #15). */
const SCALES: Scale[] = [
  { label: 'national', regions: 17, constituencies: 250, precincts: 10_000, candidates: 1_200, votersBase: 400, votersSpread: 1600 },
  { label: 'ten times national', regions: 17, constituencies: 2_500, precincts: 100_000, candidates: 12_000, votersBase: 50, votersSpread: 301 },
];

/** Signed at 21:00 Kazakhstan time on the bench election's voting day (2026-03-01). */
const BENCH_SIGNATURES = {
  chairName: 'Bench Chair',
  secretaryName: 'Bench Secretary',
  membersTotal: 9,
  membersPresent: 9,
  membersSigning: 9,
  dissentAttached: false,
  signedAt: new Date('2026-03-01T16:00:00Z'),
};

/**
 * A balanced protocol for a precinct: 55–74% turnout, a fiftieth of it in mobile boxes; candidate k
 * of n (ballot order) gets ⌊valid ÷ 2^k⌋ and the last one the rest. The SQL in `generate` computes
 * the same figures for the protocols approved before the run.
 */
function figuresFor(precinct: { id: number; votersOnList: number }, candidateIds: number[]) {
  const voters = precinct.votersOnList;
  const issued = Math.floor((voters * (55 + (precinct.id % 20))) / 100);
  const cast = issued - 1;
  const invalid = Math.floor(cast / 50);
  const againstAll = Math.floor(cast / 40);
  const valid = cast - invalid - againstAll;
  const votes: Record<number, number> = {};
  candidateIds.forEach((id, index) => (votes[id] = Math.floor(valid / 2 ** (index + 1))));
  votes[candidateIds.at(-1)!] = valid - candidateIds.slice(0, -1).reduce((sum, id) => sum + votes[id]!, 0);
  const outside = Math.floor(issued / 50);
  return {
    votersAtClose: voters,
    ballotsReceived: voters + 10,
    ballotsIssuedPremises: issued - outside,
    ballotsIssuedOutside: outside,
    ballotsFoundStationary: cast - outside,
    ballotsFoundMobile: outside,
    ballotsSpoiled: 2,
    ballotsUnused: voters + 10 - issued - 2,
    ballotsInvalid: invalid,
    votesAgainstAll: againstAll,
    ...BENCH_SIGNATURES,
    votes,
  };
}

/**
 * The synthetic election, generated set-wise in PostgreSQL (100,000 precincts in about a minute):
 * every constituency has precincts numbered 1..n; the last two of each are left to enter, the rest
 * approved (two equal copies each) before the run, as on election night.
 */
async function generate(db: Database, scale: Scale) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const perConstituency = scale.precincts / scale.constituencies;
  const regionRows = await db
    .insert(regions)
    .values(
      Array.from({ length: scale.regions }, (_, i) => ({
        code: `region-${i + 1}`,
        nameKk: `Өңір ${i + 1}`,
        nameRu: `Регион ${i + 1}`,
        nameEn: `Region ${i + 1}`,
      })),
    )
    .returning();
  const staff = await db
    .insert(users)
    .values(
      regionRows.flatMap((r) =>
        (['operator', 'operator2', 'reviewer'] as const).map((kind) => ({
          email: `${kind}.${r.code}@bench.kz`,
          fullName: `${kind} ${r.code}`,
          passwordHash,
          role: kind === 'reviewer' ? ('reviewer' as const) : ('operator' as const),
          regionId: r.id,
        })),
      ),
    )
    .returning();
  const staffOf = (regionId: number, kind: string) => staff.find((u) => u.regionId === regionId && u.email.startsWith(`${kind}.`))!;
  const [election] = await db
    .insert(elections)
    .values({
      slug: 'bench',
      nameKk: 'Жүктеме сынағы',
      nameRu: 'Нагрузочный тест',
      nameEn: 'National benchmark election',
      calledOn: '2026-01-01',
      nominationOpensOn: '2026-01-10',
      nominationClosesOn: '2026-01-30',
      registrationDeadline: '2026-02-05',
      votingDay: '2026-03-01',
      resultsDeadline: '2026-03-04',
      akimRegistrationDeadline: '2026-03-11',
      depositAmount: 425_000,
      // Announced, voting day past: protocols may be entered (the counting phase).
      announcedAt: new Date('2026-01-01T04:00:00Z'),
    })
    .returning();
  const electionId = election!.id;
  const revisions = await db
    .insert(constituencyListRevisions)
    .values(
      regionRows.map((r) => ({
        electionId,
        regionId: r.id,
        revisionNo: 1,
        status: 'approved' as const,
        content: { constituencies: [] },
        createdBy: staffOf(r.id, 'operator').id,
      })),
    )
    .returning();
  const regionIds = sql`${`{${regionRows.map((r) => r.id).join(',')}}`}::int[]`;
  const revisionIds = sql`${`{${regionRows.map((r) => revisions.find((rev) => rev.regionId === r.id)!.id).join(',')}}`}::int[]`;
  await db.execute(sql`insert into constituencies (election_id, region_id, code, kind, name_kk, name_ru, name_en, list_revision_id)
    select ${electionId}, (${regionIds})[(i - 1) % ${scale.regions} + 1], 'c-' || i, 'district', i || ' ауданы', 'Район ' || i, 'District ' || i,
           (${revisionIds})[(i - 1) % ${scale.regions} + 1]
    from generate_series(1, ${scale.constituencies}) i`);
  const constituencyRows = await db
    .select({ id: constituencies.id, regionId: constituencies.regionId, code: constituencies.code })
    .from(constituencies)
    .where(eq(constituencies.electionId, electionId))
    .orderBy(constituencies.id);
  const constituencyIds = sql`${`{${constituencyRows.map((c) => c.id).join(',')}}`}::int[]`;
  await db.execute(sql`insert into precincts (constituency_id, number, address, voters_on_list)
    select (${constituencyIds})[i % ${scale.constituencies} + 1], i / ${scale.constituencies} + 1, 'Polling station ' || (i + 1),
           ${scale.votersBase} + (i::bigint * 7919) % ${scale.votersSpread}
    from generate_series(0, ${scale.precincts - 1}) i`);
  await db.execute(sql`insert into candidates (election_id, constituency_id, full_name, iin, birth_date, sex, education, nomination_route, nominated_on, status, ballot_order, entered_by)
    select ${electionId}, (${constituencyIds})[i % ${scale.constituencies} + 1], 'Candidate ' || (i + 1), lpad((i + 1)::text, 12, '0'),
           make_date(1960 + i % 35, 1 + i % 9, 10 + i % 10), case when i % 9 = 0 then 'female' else 'male' end::sex, 'Higher', 'self', '2026-01-15',
           'registered', i / ${scale.constituencies} + 1, ${staff[0]!.id}
    from generate_series(0, ${scale.candidates - 1}) i`);

  // Approved before the run: protocols, their first versions and two equal copies, with the figures of figuresFor.
  const toApprove = sql`p.number <= ${perConstituency - MISSING_PER_CONSTITUENCY}`;
  const staffIn = (kind: string) => sql`(select u.id from users u where u.region_id = c.region_id and u.email like ${`${kind}.%`})`;
  await db.execute(sql`insert into protocols (precinct_id, status)
    select p.id, 'approved' from precincts p join constituencies c on c.id = p.constituency_id where c.election_id = ${electionId} and ${toApprove}`);
  await db.execute(sql`insert into protocol_versions (protocol_id, version_no, created_by, approved_by, approved_at)
    select pr.id, 1, ${staffIn('operator')}, ${staffIn('reviewer')}, now()
    from protocols pr join precincts p on p.id = pr.precinct_id join constituencies c on c.id = p.constituency_id where c.election_id = ${electionId}`);
  await db.execute(sql`insert into protocol_entries (version_id, kind, entered_by, voters_on_list, voters_at_close, ballots_received, ballots_issued_premises,
      ballots_issued_outside, ballots_found_stationary, ballots_found_mobile, ballots_spoiled, ballots_unused, ballots_invalid, votes_against_all,
      chair_name, secretary_name, members_total, members_present, members_signing, dissent_attached, signed_at)
    select v.id, copy_kind::protocol_entry_kind, case when copy_kind = 'first' then ${staffIn('operator')} else ${staffIn('operator2')} end, f.voters, f.voters, f.voters + 10,
           f.issued - f.outside, f.outside, f.issued - 1 - f.outside, f.outside, 2, f.voters + 10 - f.issued - 2, (f.issued - 1) / 50, (f.issued - 1) / 40,
           ${BENCH_SIGNATURES.chairName}, ${BENCH_SIGNATURES.secretaryName}, 9, 9, 9, false, ${BENCH_SIGNATURES.signedAt.toISOString()}::timestamptz
    from protocol_versions v join protocols pr on pr.id = v.protocol_id join precincts p on p.id = pr.precinct_id join constituencies c on c.id = p.constituency_id
    cross join lateral (select p.voters_on_list as voters, p.voters_on_list * (55 + p.id % 20) / 100 as issued, p.voters_on_list * (55 + p.id % 20) / 100 / 50 as outside) f
    cross join (values ('first'), ('second')) as kinds(copy_kind)
    where c.election_id = ${electionId}`);
  await db.execute(sql`insert into protocol_entry_votes (entry_id, candidate_id, votes)
    select e.id, k.id,
           case when k.ballot_order < n.count then valid / (2 ^ k.ballot_order)::bigint
                else valid - (select coalesce(sum(valid / (2 ^ j)::bigint), 0) from generate_series(1, n.count - 1) j) end
    from protocol_entries e join protocol_versions v on v.id = e.version_id join protocols pr on pr.id = v.protocol_id join precincts p on p.id = pr.precinct_id
    join candidates k on k.constituency_id = p.constituency_id
    join (select constituency_id, count(*)::int as count from candidates where election_id = ${electionId} group by constituency_id) n on n.constituency_id = p.constituency_id
    cross join lateral (select e.ballots_found_stationary + e.ballots_found_mobile - e.ballots_invalid - e.votes_against_all as valid) f
    where k.election_id = ${electionId}`);
  await db.execute(sql`update protocols pr set approved_entry_id = e.id
    from protocol_versions v join protocol_entries e on e.version_id = v.id and e.kind = 'first'
    where v.protocol_id = pr.id`);

  const missing = await db
    .select({ id: precincts.id, votersOnList: precincts.votersOnList, constituencyId: precincts.constituencyId })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .where(and(eq(constituencies.electionId, electionId), gt(precincts.number, perConstituency - MISSING_PER_CONSTITUENCY)))
    .orderBy(precincts.id);
  const candidateRows = await db
    .select({ id: candidates.id, constituencyId: candidates.constituencyId })
    .from(candidates)
    .where(eq(candidates.electionId, electionId))
    .orderBy(candidates.ballotOrder);
  const candidatesOf = new Map<number, number[]>();
  for (const c of candidateRows) candidatesOf.set(c.constituencyId, [...(candidatesOf.get(c.constituencyId) ?? []), c.id]);
  const regionOf = new Map(constituencyRows.map((c) => [c.id, c.regionId]));
  return {
    election: election!,
    staffOf,
    regionOf,
    missing,
    candidatesOf,
    constituencyCode: constituencyRows[0]!.code,
    staffEmails: staff.map((u) => u.email),
  };
}

type Generated = Awaited<ReturnType<typeof generate>>;
type Timing = { count: number; p50: number; p95: number };
const timing = (times: number[]): Timing => ({ count: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) });

/** `run` once to warm up, then timed `times` times one after another. */
async function timed(times: number, run: (i: number) => Promise<unknown>): Promise<Timing> {
  await run(-1);
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run(i);
    durations.push(performance.now() - started);
  }
  return timing(durations);
}

/**
 * The national aggregation (every level): refreshed after one approval, as each instance does on
 * election night (decision 019), and computed anew (at start-up, or after a change to what it
 * lists); and one constituency's (what staff pages and candidate screens read).
 */
async function measureAggregation(db: Database, data: Generated) {
  const constituencyIds = [...data.regionOf.keys()];
  const refreshes: number[] = [];
  let refreshed = await refreshedElectionResults(db, data.election.id);
  for (const precinct of data.missing.slice(210, 230)) {
    await measureEntryAndApproval(db, data, [precinct]);
    const started = performance.now();
    refreshed = await refreshedElectionResults(db, data.election.id, refreshed);
    refreshes.push(performance.now() - started);
  }
  // A shortcut measured must give the same answer.
  if (JSON.stringify(refreshed.results) !== JSON.stringify(await electionResults(db, data.election.id))) throw new Error('refreshed aggregation differs');
  return {
    refresh: timing(refreshes),
    election: await timed(20, () => electionResults(db, data.election.id)),
    constituency: await timed(50, (i) => constituencyResult(db, constituencyIds[Math.abs(i * 97) % constituencyIds.length]!)),
  };
}

const noImageReason = 'The signed paper is kept by the district commission';

/** First and second copies of `count` precincts, typed as operators do (in-process, one after another); then their approval. */
async function measureEntryAndApproval(db: Database, data: Generated, precincts: Generated['missing']) {
  const submissions: number[] = [];
  const entered = new Map<number, { protocolId: number; lockVersion: number; reviewer: number }>();
  for (const [kind, lockVersion] of [
    ['operator', 0],
    ['operator2', 1],
  ] as const) {
    for (const precinct of precincts) {
      const regionId = data.regionOf.get(precinct.constituencyId)!;
      const { signedAt, ...figures } = figuresFor(precinct, data.candidatesOf.get(precinct.constituencyId)!);
      const started = performance.now();
      const result = await executeCommand(
        db,
        enterProtocol,
        { id: data.staffOf(regionId, kind).id },
        { precinctId: precinct.id, lockVersion, ...figures, signedAt: signedAtFromDate(signedAt) },
      );
      submissions.push(performance.now() - started);
      if (!result.ok) throw new Error(`submission failed: ${JSON.stringify(result)}`);
      entered.set(precinct.id, { ...result.data, reviewer: data.staffOf(regionId, 'reviewer').id });
    }
  }
  const approvals: number[] = [];
  for (const { protocolId, lockVersion, reviewer } of entered.values()) {
    const started = performance.now();
    const result = await executeCommand(db, approveProtocol, { id: reviewer }, { protocolId, lockVersion, withoutImageReason: noImageReason });
    approvals.push(performance.now() - started);
    if (!result.ok) throw new Error(`approval failed: ${JSON.stringify(result)}`);
  }
  return { submissions: timing(submissions), approvals: timing(approvals) };
}

/** A throw-away database on the server, migrated, with the election of `scale` generated and analysed. */
async function withElection<T>(admin: postgres.Sql, scale: Scale, work: (db: Database, data: Generated, url: string, generatedIn: number) => Promise<T>) {
  const name = `portal_bench_${Date.now()}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), maxConnections: 10 });
  try {
    await migrateDatabase(handle, url.toString());
    const started = performance.now();
    const data = await generate(handle.db, scale);
    const generatedIn = round((performance.now() - started) / 1000);
    console.error(`${scale.label}: ${scale.precincts} precincts generated in ${generatedIn} s in ${url}`);
    // Planner statistics, as autovacuum would gather them after such a load in production.
    await handle.db.execute(sql`analyze`);
    return await work(handle.db, data, url.toString(), generatedIn);
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DB) console.log(`Kept the benchmark database: ${url}`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
  }
}

/** One production instance (dist/server.js) on `databaseUrl`; `env` adds or overrides settings. */
async function startInstance(port: number, databaseUrl: string, env: Record<string, string> = {}) {
  const base = `http://127.0.0.1:${port}`;
  const inUse = await fetch(`${base}/robots.txt`).then(
    () => true,
    () => false,
  );
  if (inUse) throw new Error(`port ${port} is already in use: stop that server first`);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'dist/server.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      REQUEST_LOG: 'off',
      ...env,
    },
    stdio: 'ignore',
  });
  await waitForServer(`${base}/robots.txt`);
  return {
    base,
    /** Peak resident memory of the instance so far (VmHWM), in MiB. */
    peakMemoryMb: () => round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024, 0),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The time from an approval's commit until a reader of the constituency page sees it (instance with the default cache settings). */
async function measureVisibility(db: Database, data: Generated, base: string, precincts: Generated['missing']) {
  const notReported = (html: string) => html.split('Not reported yet').length - 1;
  const page = `${base}/results/bench/constituency/`;
  const codeOf = new Map((await db.select({ id: constituencies.id, code: constituencies.code }).from(constituencies)).map((c) => [c.id, c.code]));
  const delays: number[] = [];
  for (const precinct of precincts) {
    const url = page + codeOf.get(precinct.constituencyId)!;
    const read = async () => notReported(await (await fetch(url, { headers: { 'accept-language': 'en' } })).text());
    const before = await read();
    await measureEntryAndApproval(db, data, [precinct]);
    const committed = performance.now();
    while ((await read()) === before) {
      if (performance.now() - committed > 30_000) throw new Error(`approval of precinct ${precinct.id} not visible after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    delays.push(performance.now() - committed);
  }
  return { count: delays.length, max: round(Math.max(...delays) / 1000, 2), p50: round(percentile(delays, 50) / 1000, 2) };
}

/**
 * Every public page and API document rendered with nothing cached: an instance with the page cache
 * off (PAGE_CACHE_MS=0) and the results version read on every request (RESULTS_POLL_MS=0). Before
 * each request one constituency's approved figures change (a protocol's approval moves between its
 * two equal copies, through the triggers an approval fires), so every page reads its data again as
 * after an approval; the overview is measured once more with the aggregation computed anew (as
 * after a change to constituencies or candidates). Each page is requested three times first,
 * untimed: a process's first renders of a page compile its code, which no cache setting changes.
 */
async function measureUncached(db: Database, data: Generated, base: string) {
  const [precinct] = await db.select({ id: protocols.precinctId }).from(protocols).where(isNotNull(protocols.approvedEntryId)).limit(1);
  const approvals = await selectRows<{ id: number; first: number; second: number }>(
    db,
    sql`select distinct on (p.constituency_id) pr.id, first.id as first, second.id as second
        from protocols pr join precincts p on p.id = pr.precinct_id
        join protocol_versions v on v.protocol_id = pr.id
        join protocol_entries first on first.version_id = v.id and first.kind = 'first'
        join protocol_entries second on second.version_id = v.id and second.kind = 'second'
        where pr.approved_entry_id = first.id order by p.constituency_id limit 100`,
  );
  let changes = 0;
  const approvalMoved = async () => {
    const { id, first, second } = approvals[changes++ % approvals.length]!;
    await db.execute(
      sql`update protocols set approved_entry_id = case when approved_entry_id = ${first} then ${second}::int else ${first}::int end where id = ${id}`,
    );
  };
  const listingChanged = () =>
    db.execute(sql`update results_versions set version = version + 1, listing_version = version + 1 where election_id = ${data.election.id}`);
  const constituencyCode = data.constituencyCode;
  const pages: Record<string, string> = {
    'home page': '/',
    'results overview': '/results?election=bench',
    'results overview, aggregation computed anew': '/results?election=bench',
    'region results': '/results/bench/region/region-1',
    'constituency results (with its precincts)': `/results/bench/constituency/${constituencyCode}`,
    'precinct protocol': `/results/bench/precinct/${precinct!.id}`,
    'statistical screening': '/results/bench/screening',
    'precincts published without an image': '/results/bench/missing-images',
    'candidates (first page)': '/candidates?election=bench',
    'candidates of one region': '/candidates?election=bench&region=region-1',
    constituencies: '/constituencies?election=bench',
    'constituencies of one region': '/constituencies?election=bench&region=region-1',
  };
  const documents: Record<string, string> = {
    'elections list (API)': '/api/v1/elections',
    'results.json, every precinct (API)': `/api/v1/elections/${data.election.id}/results.json`,
    'results.csv (API)': `/api/v1/elections/${data.election.id}/results.csv`,
    'candidates.json (API)': `/api/v1/elections/${data.election.id}/candidates.json`,
    'NIST SP 1500-100 report (API)': `/api/v1/elections/${data.election.id}/nist-1500-100.json`,
  };
  const measure = async (path: string, samples: number, change: () => Promise<unknown>, warmUps = 0) => {
    const durations: number[] = [];
    let bytes = 0;
    for (let i = -warmUps; i < samples; i++) {
      await change();
      const started = performance.now();
      // Not following redirects: a page that sends its reader elsewhere is not measured as that page.
      const answer = await fetch(base + path, { headers: BROWSER_HEADERS, redirect: 'manual' });
      const body = await answer.arrayBuffer();
      if (i >= 0) durations.push(performance.now() - started);
      bytes = body.byteLength;
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
      if (answer.headers.get('x-page-cache') === 'hit') throw new Error(`${path} came from the page cache`);
    }
    return { ...timing(durations), kb: round(bytes / 1024) };
  };
  const results: Record<string, Awaited<ReturnType<typeof measure>> & { page: boolean }> = {};
  for (const [label, path] of Object.entries(pages)) {
    results[label] = { ...(await measure(path, 7, label.endsWith('computed anew') ? listingChanged : approvalMoved, 3)), page: true };
  }
  for (const [label, path] of Object.entries(documents)) results[label] = { ...(await measure(path, 3, approvalMoved)), page: false };
  return results;
}

async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not start at ${url}`);
}

/** What every browser sends: readers get compressed pages where the server compresses. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'kk,ru;q=0.9,en;q=0.8' };

async function load(url: string) {
  await autocannon({ url, headers: BROWSER_HEADERS, connections: 10, duration: 2 }); // warm-up: caches filled, JIT warm
  const result = await autocannon({ url, headers: BROWSER_HEADERS, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: round(result.requests.average, 0), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/** The bytes a browser receives for a page: the compressed body, as sent. */
function bodyAsSent(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: BROWSER_HEADERS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
}

/** nginx alone serving one file of `body`'s bytes: the ceiling for anything nginx sends. */
async function staticNginx(body: Buffer): Promise<{ url: string; stop: () => Promise<void> }> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-nginx-'));
  // nginx's workers may run as another user (when started as root): they must read the file.
  chmodSync(prefix, 0o755);
  writeFileSync(path.join(prefix, 'overview.html'), body);
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log warn; events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; client_body_temp_path ${prefix}/t1; proxy_temp_path ${prefix}/t2; fastcgi_temp_path ${prefix}/t3; uwsgi_temp_path ${prefix}/t4; scgi_temp_path ${prefix}/t5;
  server { listen 127.0.0.1:${CLUSTER_PORTS.staticNginx}; root ${prefix}; location / { default_type text/html; add_header Content-Encoding gzip; } } }`,
  );
  const child: ChildProcess = spawn(NGINX!, ['-e', `${prefix}/error.log`, '-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${CLUSTER_PORTS.staticNginx}/overview.html`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  await waitUntilOk(url, 10_000, () => child.exitCode === null).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, stop };
}

const setCookies = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/**
 * Sign-in as a person makes it (Auth.js' credentials endpoint: password check, throttle, session
 * start), one account after another, then a signed-in staff page (the guard re-reads the user and
 * the server-side session on every request), sequentially: latency, not throughput.
 */
async function measureSignIn(base: string, emails: string[]) {
  const signIns: number[] = [];
  let session = '';
  for (const email of emails) {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const started = performance.now();
    const answer = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: setCookies(csrf) },
      body: new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, callbackUrl: '/staff' }),
    });
    signIns.push(performance.now() - started);
    session = setCookies(answer);
    if (!session.includes('session-token')) throw new Error(`sign-in failed for ${email}`);
  }
  const pages: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    const answer = await fetch(`${base}/staff`, { headers: { cookie: session, ...BROWSER_HEADERS } });
    await answer.arrayBuffer();
    pages.push(performance.now() - started);
    if (answer.status !== 200) throw new Error(`staff page answered ${answer.status}`);
  }
  return {
    signIn: { count: signIns.length, p50: round(percentile(signIns, 50)), p95: round(percentile(signIns, 95)) },
    staffPage: { count: pages.length, p50: round(percentile(pages, 50)), p95: round(percentile(pages, 95)) },
  };
}

async function javascriptForPage(base: string, path: string) {
  const html = await (await fetch(base + path)).text();
  // Module-capable browsers skip `noModule` scripts (the legacy polyfills): they are not sent to them.
  const scripts = [...html.matchAll(/<script([^>]+)>/g)].filter((m) => !/\snoModule/i.test(m[1]!)).flatMap((m) => /\ssrc="([^"]+)"/.exec(m[1]!)?.[1] ?? []);
  let gzipped = 0;
  for (const src of new Set(scripts)) gzipped += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { files: new Set(scripts).size, gzippedKb: round(gzipped / 1024) };
}

/** The 10,000-precinct election: database work, HTTP load on one instance, signing in, and the nginx layout. */
async function nationalRun(db: Database, data: Generated, url: string) {
  const aggregation = await measureAggregation(db, data);
  const entry = await measureEntryAndApproval(db, data, data.missing.slice(0, 200));
  const instance = await startInstance(PORT, url);
  try {
    const base = instance.base;
    const targets = {
      'static file (/robots.txt)': '/robots.txt',
      'results overview page': `/results?election=bench`,
      'constituency results page': `/results/bench/constituency/${data.constituencyCode}`,
      'results.json (API)': `/api/v1/elections/${data.election.id}/results.json`,
    };
    const loads: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [label, path] of Object.entries(targets)) loads[label] = await load(base + path);
    const js = await javascriptForPage(base, targets['results overview page']);
    const staff = await measureSignIn(base, data.staffEmails.slice(0, 40));

    // Through the proxy: the same addresses via nginx (proxy cache on) in front of two instances.
    let proxied: { rows: string; ratio: number; workers: number } | undefined;
    if (NGINX) {
      const overviewBytes = await bodyAsSent(base + targets['results overview page']);
      const files = await staticNginx(overviewBytes);
      let cluster: Cluster | undefined;
      try {
        cluster = await startCluster({
          databaseUrl: url,
          port: CLUSTER_PORTS.nginx,
          instancePorts: CLUSTER_PORTS.instances,
          env: { AUTH_SECRET: 'bench-secret-not-for-production-0123456789' },
        });
        // Other work shares the cores: the three overview targets are measured in turn, three rounds,
        // and each one's median round is reported.
        const overview = targets['results overview page'];
        const rounds: Awaited<ReturnType<typeof load>>[][] = [[], [], []];
        for (let pass = 0; pass < 3; pass++) {
          rounds[0]!.push(await load(files.url));
          rounds[1]!.push(await load(cluster.url + overview));
          rounds[2]!.push(await load(cluster.instances[0]!.url + overview));
        }
        const median = (runs: Awaited<ReturnType<typeof load>>[]) => [...runs].sort((a, b) => a.rps - b.rps)[1]!;
        const viaProxy: Record<string, Awaited<ReturnType<typeof load>>> = {
          [`static file of the overview's size (${round(overviewBytes.length / 1024)} kB gzipped), nginx alone`]: median(rounds[0]!),
          'results overview page via nginx (proxy cache)': median(rounds[1]!),
          'results overview page straight from one instance': median(rounds[2]!),
          'results.json via nginx (proxy cache)': await load(cluster.url + targets['results.json (API)']),
          'results.json straight from one instance': await load(cluster.instances[0]!.url + targets['results.json (API)']),
        };
        const staticRps = Object.values(viaProxy)[0]!.rps;
        proxied = {
          rows: Object.entries(viaProxy)
            .map(([label, r]) => `| ${label} | ${r.rps} | ${r.p50} | ${r.p99} | ${round(r.rps / staticRps, 2)}× | ${r.non2xx + r.errors} |`)
            .join('\n'),
          ratio: round(viaProxy['results overview page via nginx (proxy cache)']!.rps / staticRps, 2),
          workers: os.cpus().length,
        };
      } finally {
        await cluster?.stop();
        await files.stop();
      }
    }
    const loadAverage = os
      .loadavg()
      .map((value) => round(value, 2))
      .join(', ');
    return { aggregation, ...entry, loads, js, staff, proxied, loadAverage };
  } finally {
    await instance.stop();
  }
}

/** Ten times the precincts: database work, how soon readers see an approval, every page uncached, one instance's memory. */
async function tenfoldRun(db: Database, data: Generated, url: string) {
  const aggregation = await measureAggregation(db, data);
  const entry = await measureEntryAndApproval(db, data, data.missing.slice(0, 200));
  // One instance with the default caches (what readers see), another with none (what a render costs).
  const cachedInstance = await startInstance(PORT, url);
  const uncachedInstance = await startInstance(PORT + 5, url, { PAGE_CACHE_MS: '0', RESULTS_POLL_MS: '0' });
  try {
    const visibility = await measureVisibility(db, data, cachedInstance.base, data.missing.slice(200, 210));
    const overview = await load(`${cachedInstance.base}/results?election=bench`);
    const uncached = await measureUncached(db, data, uncachedInstance.base);
    return {
      aggregation,
      ...entry,
      visibility,
      overview,
      uncached,
      memory: { cached: cachedInstance.peakMemoryMb(), uncached: uncachedInstance.peakMemoryMb() },
    };
  } finally {
    await cachedInstance.stop();
    await uncachedInstance.stop();
  }
}

async function main() {
  // What production runs: the Next.js build and the server compiled to dist/ (npm run build).
  if (!existsSync('.next/BUILD_ID') || !existsSync('dist/server.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [nationalScale, tenfoldScale] = SCALES as [Scale, Scale];
    if (process.env.BENCH_ONLY === 'tenfold') {
      const { data: _data, ...figures } = await withElection(admin, tenfoldScale, async (db, data, url, generatedIn) => ({
        generatedIn,
        data,
        ...(await tenfoldRun(db, data, url)),
      }));
      return void console.log(JSON.stringify(figures, null, 2));
    }
    const national = await withElection(admin, nationalScale, async (db, data, url, generatedIn) => ({
      generatedIn,
      data,
      ...(await nationalRun(db, data, url)),
    }));
    const tenfold = await withElection(admin, tenfoldScale, async (db, data, url, generatedIn) => ({
      generatedIn,
      data,
      ...(await tenfoldRun(db, data, url)),
    }));
    const { loads, js, staff, proxied, loadAverage } = national;
    const ceiling = loads['static file (/robots.txt)']!.rps;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const rows = Object.entries(loads)
      .map(([label, r]) => `| ${label} | ${r.rps} | ${r.p50} | ${r.p99} | ${round(ceiling / r.rps, 2)}× | ${r.non2xx + r.errors} |`)
      .join('\n');
    const overviewRatio = round(ceiling / loads['results overview page']!.rps, 2);
    const met = (ok: boolean) => (ok ? 'met' : 'missed');
    const sizeOf = (scale: Scale, run: { data: Generated; generatedIn: number }) =>
      `${scale.regions} regions, ${scale.constituencies.toLocaleString('en-US')} constituencies, ${scale.precincts.toLocaleString('en-US')} precincts, ` +
      `${scale.candidates.toLocaleString('en-US')} registered candidates, ${(scale.precincts * scale.votersBase + ((scale.votersSpread - 1) / 2) * scale.precincts).toLocaleString('en-US', { maximumFractionDigits: 0 })} voters; ` +
      `${(scale.precincts - run.data.missing.length).toLocaleString('en-US')} protocols approved (two copies each) before the run (generated in ${run.generatedIn} s)`;
    const databaseRows = (
      run: typeof national | typeof tenfold,
    ) => `| national aggregation after an approval (\`refreshedElectionResults\`, all levels, ${run.aggregation.refresh.count} approvals: what each instance does on election night) | ${run.aggregation.refresh.p50} ms | ${run.aggregation.refresh.p95} ms | p95 < 100 ms: ${met(run.aggregation.refresh.p95 < 100)} |
| national aggregation computed anew (\`electionResults\`, all levels, warm: at start-up or after a change to constituencies or candidates) | ${run.aggregation.election.p50} ms | ${run.aggregation.election.p95} ms | |
| one constituency's aggregation (\`constituencyResult\`: staff screens, candidate pages) | ${run.aggregation.constituency.p50} ms | ${run.aggregation.constituency.p95} ms | |
| protocol submission (\`enterProtocol\`, ${run.submissions.count} first and second copies, in-process) | ${run.submissions.p50} ms | ${run.submissions.p95} ms | p95 < 150 ms: ${met(run.submissions.p95 < 150)} |
| approval (\`approveProtocol\` with the running totals, ${run.approvals.count} protocols) | ${run.approvals.p50} ms | ${run.approvals.p95} ms | |`;
    const uncachedRows = Object.entries(tenfold.uncached)
      .map(([label, r]) => `| ${label} | ${r.kb} kB | ${r.p50} ms | ${r.p95} ms | ${r.page ? `< 200 ms: ${met(r.p95 < 200)}` : ''} |`)
      .join('\n');
    const report = `# Performance

Measured by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}:
${os.cpus().length} × ${cpu}, ${round(os.totalmem() / 1024 ** 3)} GiB memory, Node.js ${process.version},
PostgreSQL at ${new URL(serverUrl).host}. One portal instance (\`server.ts\`: the page cache in front of Next.js, as
\`npm start\` runs it); load from autocannon on the same machine (${CONNECTIONS} connections, ${DURATION_S} s per target
after a 2 s warm-up, with a browser's Accept-Encoding and Accept-Language), so client and server share the cores.

Synthetic national election: ${sizeOf(nationalScale, national)}.

## Database work

| measure | p50 | p95 | target |
|---|---|---|---|
${databaseRows(national)}

## Signing in and staff pages (one at a time, over HTTP)

| measure | p50 | p95 |
|---|---|---|
| sign-in (credentials POST: throttle check, argon2id, session start; ${staff.signIn.count} accounts) | ${staff.signIn.p50} ms | ${staff.signIn.p95} ms |
| signed-in staff page (\`/staff\`: session and user re-read, ${staff.staffPage.count} requests) | ${staff.staffPage.p50} ms | ${staff.staffPage.p95} ms |

## HTTP under load

| target | requests/s | p50 ms | p99 ms | static ceiling ÷ this | errors / non-2xx |
|---|---|---|---|---|---|
${rows}

Overview page within 2× of the static ceiling: ${overviewRatio <= 2 ? 'met' : 'missed'} (${overviewRatio}×).

## Through nginx (several instances, decision 012)

${
  proxied
    ? `nginx (Debian's package, \`worker_processes auto\`: ${proxied.workers}) with deploy/nginx.conf.template in front of two
instances (\`npm run cluster\`'s layout), against nginx alone sending a file of the overview's compressed size.
Same load as above; the three overview targets measured in turn, three rounds, median round shown.
Load average when the run ended: ${loadAverage} (other work shares this machine's cores).

| target | requests/s | p50 ms | p99 ms | ÷ static file via nginx | errors / non-2xx |
|---|---|---|---|---|---|
${proxied.rows}

Overview through nginx at least 0.8× the static file: ${proxied.ratio >= 0.8 ? 'met' : 'missed'} (${proxied.ratio}×).`
    : 'nginx is not installed here: not measured.'
}

JavaScript sent for the overview page: ${js.gzippedKb} kB gzipped in ${js.files} files (target < 150 kB: ${js.gzippedKb < 150 ? 'met' : 'missed'}).

## Ten times national scale (issue #15)

Synthetic election: ${sizeOf(tenfoldScale, tenfold)}.

| measure | p50 | p95 | target |
|---|---|---|---|
${databaseRows(tenfold)}

An approval visible to readers (constituency page, one instance with the default caches, polled every 50 ms from the
approval's commit; ${tenfold.visibility.count} approvals): median ${tenfold.visibility.p50} s, at most ${tenfold.visibility.max} s (target < 5 s: ${met(tenfold.visibility.max < 5)}).
The overview under load on that instance: ${tenfold.overview.rps} requests/s, p99 ${tenfold.overview.p99} ms.

Every public page and API document with nothing cached: an instance with the page cache off (\`PAGE_CACHE_MS=0\`) reading
the results version on every request (\`RESULTS_POLL_MS=0\`). Before each request one constituency's approved figures
change, through the same triggers as an approval, so every page reads its data again as after an approval; the overview is
measured once more with the aggregation computed anew, as after a change to constituencies or candidates. One request at a
time (7 per page after 3 untimed ones that compile its code, 3 per document), asking for compression as browsers do.

| address | body (uncompressed) | p50 | p95 | target |
|---|---|---|---|---|
${uncachedRows}

Memory of one instance (peak resident set, VmHWM): ${tenfold.memory.cached} MiB for the one serving readers, ${tenfold.memory.uncached} MiB for the
one that rendered every page and document above (target < 1 GiB: ${met(Math.max(tenfold.memory.cached, tenfold.memory.uncached) < 1024)}).

## How the numbers are reached

- **Data.** Public pages and the API read the aggregation from an in-memory cache keyed by the
  election's results version, which each instance checks at most every \`RESULTS_POLL_MS\`
  (decision 004): a crowd of readers costs PostgreSQL one indexed look-up per interval per
  instance. The aggregation reads running totals, one row per constituency and per candidate,
  which triggers keep in the transaction of each approval, correction or list change (decision
  016), so its cost follows the number of constituencies and candidates, not of precincts; after
  an approval each instance re-reads only the constituencies stamped since the version it last
  aggregated (decision 019), and every results page takes its figures from that one aggregation.
  Measured after \`ANALYZE\`, as autovacuum leaves a production database.
- **Pages and API.** \`server.ts\` keeps each rendered public page and API document for
  \`PAGE_CACHE_MS\` (2 s) per address and language, and serves it to everyone asking
  meanwhile; a crowd arriving together waits for one render, and after expiry the previous copy
  is served while one request renders again (decision 005). A copy is kept uncompressed and
  compressed once per copy for each encoding asked for (decision 008), so a cached overview is a
  compressed copy written straight from memory, which is why it can outpace the static file, which goes
  through Next.js' file serving. An approval reaches readers within \`RESULTS_POLL_MS\` +
  \`PAGE_CACHE_MS\` (4 s by default) on every instance.
- **API documents** are written in pieces straight into gzip once per results version and kept
  compressed (decision 018); a reader gets those bytes as they are. results.json carries every
  precinct (~2.5 MB, ~300 kB compressed at this scale), so sending it dominates.
- **Signing in** is dominated by argon2id (OWASP parameters), by design. Around it: one query for
  the throttle (blocks in force, the account's recent failures), and in the sign-in transaction
  the audit row and the new server-side session (decision 008). A signed-in page re-reads the user
  and the session in one indexed query.
- **JavaScript** counts the scripts a module-capable browser loads (the \`noModule\` legacy
  polyfills are skipped by every current browser), gzipped. Most of it is Next.js 16 and React 19
  themselves; the portal's own client code on this page is the self-refresh and the language
  switch's path field.
`;
    writeFileSync('docs/performance.md', withHandKeptPart(report));
    console.log(report);
  } finally {
    await admin.end();
  }
}

/** Notes below this line in docs/performance.md (comparisons run by hand) survive a new bench run. */
const HAND_KEPT = '<!-- Below: kept by hand; `npm run bench` rewrites only what is above. -->';

function withHandKeptPart(report: string): string {
  const previous = existsSync('docs/performance.md') ? readFileSync('docs/performance.md', 'utf8') : '';
  const at = previous.indexOf(HAND_KEPT);
  return at < 0 ? report : `${report}\n${previous.slice(at)}`;
}

await main();
