import { addDaysTo } from "@pulse/indicators";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { rebuildCounters } from "../ledger/recompute";
import { campaigns } from "../tables";
import { CUA_NAM, HA_NOI_45_DAYS, NAM_CUONG, THU_LUM } from "./press-facts";

/** The national campaign's first day: synthetic history starts here. */
export const DEMO_HISTORY_START = "2025-07-01";

/** Deterministic 0..2^32-1 from a text, the same on Postgres and PGlite: the demo never changes. */
const h = (text: ReturnType<typeof sql>) => sql`(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint)`;

export const DEMO_CAMPAIGNS: (typeof campaigns.$inferInsert)[] = [
  {
    id: "toan-quoc-2026",
    name: "Kích hoạt định danh điện tử mức 2 toàn dân 2025–2026",
    nameEn: "Level-2 e-ID activation for all citizens 2025–2026",
    scopeKind: "nation",
    scopeCode: null,
    startsOn: DEMO_HISTORY_START,
    deadline: "2026-12-31",
    targetRate: 0.8,
    isDemo: true,
  },
  {
    id: HA_NOI_45_DAYS.id,
    name: HA_NOI_45_DAYS.name,
    nameEn: HA_NOI_45_DAYS.nameEn,
    scopeKind: "province",
    scopeCode: HA_NOI_45_DAYS.provinceCode,
    startsOn: HA_NOI_45_DAYS.startsOn,
    deadline: HA_NOI_45_DAYS.deadline,
    targetRate: 0.8,
    isDemo: true,
  },
  {
    id: "nam-cuong-2025",
    name: "Xã Nam Cường: 100% công dân kích hoạt định danh điện tử mức 2",
    nameEn: "Nam Cuong Commune: every citizen activated at level 2",
    scopeKind: "commune",
    scopeCode: NAM_CUONG.communeCode,
    ...NAM_CUONG.campaign,
    isDemo: false,
  },
];

/** Nam Cường's activations per week from its campaign start: 1,200 in the first (press), then synthetic. */
const NAM_CUONG_WEEKS = [1_200, 1_150, 1_250, 1_100, 900, 400];

/**
 * A deterministic synthetic demo for every commune: villages or residential groups, eligible
 * population, teams, and weekly reports from the campaign start to `now`, written to the ledger
 * (source "demo"); counters are then rebuilt from the ledger. Press figures sit on their communes.
 */
const DAY_MS = 86_400_000;

/**
 * Weekly reports per commune with an as-of in (since, until], each from one of its villages in
 * turn, on a weekday of its own. Each commune activates a share s (78–100%) of its eligible
 * citizens at a steady weekly pace (±30%) over 60–100 weeks, so some are done, some on track,
 * some behind; one in 23 stalls after week 50. Keys come from (commune, week): the same history
 * for the same day whether seeded at once or topped up, and a week written twice counts once.
 */
async function insertWeeklyHistory(
  tx: Database,
  { since, until }: { since: Date | null; until: Date },
): Promise<number> {
  const weekOf = (date: Date) => Math.floor((date.getTime() - Date.parse(DEMO_HISTORY_START)) / (7 * DAY_MS));
  const fromWeek = since ? Math.max(0, weekOf(since) - 1) : 0;
  const toWeek = Math.max(fromWeek, weekOf(until) + 1);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`
    with p as materialized (
        select c.code, b.eligible, vc.n as villages,
          (0.78 + (${h(sql`c.code || ':share'`)} % 23) / 100.0) as share,
          (60 + ${h(sql`c.code || ':weeks'`)} % 41)::float8 as weeks,
          (${h(sql`c.code || ':phase'`)} % 7)::float8 as phase,
          1.08 + (${h(sql`c.code || ':reg'`)} % 20) / 100.0 as reg_factor,
          ${h(sql`c.code || ':stall'`)} % 23 = 0 as stalls,
          (${DEMO_HISTORY_START}::date + (${h(sql`c.code || ':weekday'`)} % 7)::int)::timestamp
            + make_interval(hours => 8 + (${h(sql`c.code || ':hour'`)} % 9)::int)
            - interval '7 hours' as as_of_base
        from communes c join commune_baselines b on b.commune_code = c.code
        join (select commune_code, count(*)::int as n from villages group by commune_code) vc on vc.commune_code = c.code
        where c.code <> ${NAM_CUONG.communeCode}
    ),
    x as materialized (
      select p.code, p.villages, w, p.as_of_base + make_interval(days => w * 7) as as_of,
        a.act, round(a.act * p.reg_factor)::int as reg,
        case when w = 0 then round(p.eligible * 0.82)::int else round(a.act * 0.12)::int end as cccd,
        case when p.code = ${THU_LUM.communeCode} then 0 else round(a.act * 0.55)::int end as trained,
        case when p.code = ${THU_LUM.communeCode} then 0 else round(a.act * 0.3)::int end as visited,
        case when p.code = ${THU_LUM.communeCode} then 0 else round(a.act / 180.0)::int end as phones
      from p
      cross join lateral generate_series(${fromWeek}::int, ${toWeek}::int) w
      cross join lateral (select (round(p.eligible * p.share * least(1, (w + 1) / p.weeks))
        - round(p.eligible * p.share * least(1, w / p.weeks))) * (1 + 0.3 * sin(w + p.phase)) as pace) r
      cross join lateral (select round(r.pace)::int as act) a
      where (p.as_of_base + make_interval(days => w * 7)) at time zone 'UTC' <= ${until.toISOString()}::timestamptz
        and (p.as_of_base + make_interval(days => w * 7)) at time zone 'UTC' > ${(since ?? new Date(0)).toISOString()}::timestamptz
        and not (p.stalls and w > 50)
    ),
    inserted as (
    insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of,
      received_at, reporter, source, payload,
      d_cccd_issued, d_eid_l2_registered, d_eid_l2_activated, d_people_trained, d_households_visited, d_smartphones_donated)
    select md5('demo-history:' || x.code || ':' || x.w)::uuid, 'demo-history', 'counts', 'increment', x.code,
      x.code || '-' || lpad((1 + x.w % x.villages)::text, 3, '0'), x.as_of, x.as_of, 'demo', 'demo',
      jsonb_build_object('eidL2Activated', x.act, 'eidL2Registered', x.reg, 'cccdIssued', x.cccd,
        'peopleTrained', x.trained, 'householdsVisited', x.visited, 'smartphonesDonated', x.phones),
      x.cccd, x.reg, x.act, x.trained, x.visited, x.phones
    from x
    on conflict (idempotency_key) do nothing
    returning 1)
    select count(*)::int as n from inserted`,
  );
  return row?.n ?? 0;
}

/**
 * An old demo database brought up to `now` (`npm start` on a data folder seeded weeks ago), so
 * the recent past looks like a living campaign. Returns how many reports it added.
 */
export async function topUpDemoHistory(db: Database, { since, now }: { since: Date; now: Date }): Promise<number> {
  if (now.getTime() <= since.getTime()) return 0;
  const added = await db.transaction((tx) => insertWeeklyHistory(tx, { since, until: now }));
  if (added > 0) await rebuildCounters(db);
  return added;
}

export async function seedDemo(db: Database, { now }: { now: Date }): Promise<void> {
  const nowIso = now.toISOString();
  await db.transaction(async (tx) => {
    // The history is generated from the rows it references, so its 240k foreign-key checks
    // (row locks, ~80 µs each) are skipped when the role may: 4× faster first start.
    await tx.execute(sql`do $$ begin
      if (select rolsuper from pg_roles where rolname = current_user) then
        set local session_replication_role = replica;
      end if; end $$`);
    await tx.execute(sql`update communes set is_demo = true`);
    await tx.insert(campaigns).values(DEMO_CAMPAIGNS).onConflictDoNothing();

    // Villages: thôn / bản in communes, tổ dân phố in wards; bản in the north-western uplands.
    await tx.execute(sql`
      insert into villages (code, commune_code, seq, name, kind, households, is_demo)
      select c.code || '-' || lpad(s::text, 3, '0'), c.code, s,
        case k.kind when 'to_dan_pho' then 'Tổ dân phố ' when 'ban' then 'Bản ' else 'Thôn ' end || s,
        k.kind, null, true
      from communes c
      cross join lateral (select case
          when c.code = ${NAM_CUONG.communeCode} then ${NAM_CUONG.villages}::int
          when c.code = ${CUA_NAM.communeCode} then ${CUA_NAM.communityTeams}::int
          when c.kind = 'phuong' then 8 + ${h(sql`c.code || ':villages'`)} % 18
          else 6 + ${h(sql`c.code || ':villages'`)} % 20 end as n,
        case when c.kind = 'phuong' then 'to_dan_pho'
          when c.province_code in ('04', '11', '12', '14', '15') then 'ban'
          else 'thon' end as kind) k
      cross join lateral generate_series(1, k.n) s
      on conflict do nothing`);

    await tx.execute(sql`
      insert into commune_baselines (commune_code, eligible, population, as_of, is_demo)
      select c.code,
        case when c.code = ${NAM_CUONG.communeCode} then ${NAM_CUONG.eligible}::int
          when c.kind = 'phuong' then 12000 + ${h(sql`c.code || ':eligible'`)} % 28000
          when c.kind = 'dac_khu' then 2000 + ${h(sql`c.code || ':eligible'`)} % 8000
          else 6000 + ${h(sql`c.code || ':eligible'`)} % 18000 end,
        case when c.code = ${NAM_CUONG.communeCode} then ${NAM_CUONG.population}::int else null end,
        ${DEMO_HISTORY_START}::date, c.code <> ${NAM_CUONG.communeCode}
      from communes c`);

    // Households sized from the commune's eligible citizens (about 2.6 per household), so the
    // share of households the teams have visited door to door lands where real campaigns do.
    await tx.execute(sql`
      update villages v set households = greatest(40, round(b.eligible / n.villages / 2.6
          * (0.8 + (${h(sql`v.code || ':hh'`)} % 41) / 100.0)))::int
      from commune_baselines b, (select commune_code, count(*)::int as villages from villages group by commune_code) n
      where b.commune_code = v.commune_code and n.commune_code = v.commune_code`);

    await insertDemoTeams(tx);
    await insertWeeklyHistory(tx, { since: null, until: now });

    await insertPressReports(tx, nowIso);
  });
  await rebuildCounters(db);
}

async function insertDemoTeams(tx: Database): Promise<void> {
  // Teams: most villages have a community team (all of Cửa Nam's groups), a few mobile points,
  // and 0–4 support staff, so some communes are flagged for having fewer than 2.
  await tx.execute(sql`
    insert into teams (commune_code, village_code, kind, name, members, formed_on, is_demo)
    select v.commune_code, v.code, 'community_team', 'Tổ công nghệ số cộng đồng ' || v.name,
      3 + ${h(sql`v.code || ':members'`)} % 5, ${DEMO_HISTORY_START}::date, v.commune_code <> ${CUA_NAM.communeCode}
    from villages v
    where v.commune_code = ${CUA_NAM.communeCode}
      or ${h(sql`v.code || ':team'`)} % 100 < 55 + ${h(sql`v.commune_code || ':coverage'`)} % 46`);
  await tx.execute(sql`
    insert into teams (commune_code, kind, name, members, formed_on, is_demo)
    select c.code, 'mobile_point', 'Điểm hỗ trợ lưu động ' || s, 2, ${DEMO_HISTORY_START}::date, c.code <> ${CUA_NAM.communeCode}
    from communes c cross join lateral generate_series(1,
      case when c.code = ${CUA_NAM.communeCode} then ${CUA_NAM.mobileDigitalLiteracyPoints}::int
        else 1 + ${h(sql`c.code || ':points'`)} % 3 end) s`);
  await tx.execute(sql`
    insert into teams (commune_code, kind, name, members, formed_on, is_demo)
    select c.code, 'support_staff', 'Cán bộ hỗ trợ', m.members, ${DEMO_HISTORY_START}::date, c.code <> ${CUA_NAM.communeCode}
    from communes c cross join lateral (select case when c.code = ${CUA_NAM.communeCode} then ${CUA_NAM.supportStaff}::int
      else ${h(sql`c.code || ':staff'`)} % 5 end as members) m
    where m.members > 0`);
}

/** The reports behind the press figures the demo carries (Nam Cường, Thu Lũm). */
async function insertPressReports(tx: Database, nowIso: string): Promise<void> {
  // Nam Cường from the press: 1,200 activations in its campaign's first week, over its 23 villages.
  let weekStart: string = NAM_CUONG.campaign.startsOn;
  for (const [week, activated] of NAM_CUONG_WEEKS.entries()) {
    await tx.execute(sql`
      insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of,
        received_at, reporter, source, payload, d_eid_l2_registered, d_eid_l2_activated)
      select md5('demo-nam-cuong:' || ${week} || ':' || v.seq)::uuid, 'demo-history', 'counts', 'increment',
        v.commune_code, v.code, t.as_of, t.as_of, 'demo', 'demo',
        jsonb_build_object('eidL2Activated', q.n, 'eidL2Registered', q.n), q.n, q.n
      from villages v
      cross join lateral (select ${activated}::int / ${NAM_CUONG.villages}::int
        + case when v.seq <= ${activated}::int % ${NAM_CUONG.villages}::int then 1 else 0 end as n) q
      cross join lateral (select (${weekStart}::date + (v.seq % 7))::timestamp + interval '2 hours' as as_of) t
      where v.commune_code = ${NAM_CUONG.communeCode} and t.as_of <= ${nowIso}::timestamptz`);
    weekStart = addDaysTo(weekStart, 7);
  }

  // Thu Lũm carries the Lai Châu border area's press figures, as one commune-level report.
  await tx.execute(sql`
    insert into reports (idempotency_key, content_hash, kind, mode, commune_code, as_of, received_at, reporter,
      source, payload, d_people_trained, d_smartphones_donated, d_households_visited)
    values (md5('demo-thu-lum')::uuid, 'demo-history', 'counts', 'increment', ${THU_LUM.communeCode},
      '2025-10-01T03:00:00Z', '2025-10-01T03:00:00Z', 'demo', 'demo',
      ${JSON.stringify({
        peopleTrained: THU_LUM.peopleTrained,
        smartphonesDonated: THU_LUM.smartphonesDonated,
        householdsVisited: THU_LUM.householdsVisited,
      })}::jsonb,
      ${THU_LUM.peopleTrained}::int, ${THU_LUM.smartphonesDonated}::int, ${THU_LUM.householdsVisited}::int)`);
}
