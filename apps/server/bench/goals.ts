import type { GoalRow } from './report.ts';
import { percentile, type Row } from './stats.ts';

type Kind = 'pglite' | 'postgres';
const at = (n: number) => n.toLocaleString('en');

/** The goals of docs/performance.md, one function per part, each row beside its floor. */
export const goalRows = {
  /** p50 within 2.5× of (commit + fan-out floor) below 1000 sockets, 1.3× from 1000; p99 caps at 100 and 1000. */
  propagation(byN: Record<number, { arrival: Row; response: Row; fanout: Row }>, commit: Row): GoalRow[] {
    const rows: GoalRow[] = [];
    const sizes = Object.keys(byN)
      .map(Number)
      .sort((a, b) => a - b);
    for (const n of sizes) {
      const { arrival, fanout } = byN[n]!;
      const limit = n >= 1000 ? 1.3 : 2.5;
      const floor = commit.p50 + fanout.p50;
      const ratio = arrival.p50 / floor;
      rows.push({
        measure: `change → last of ${at(n)} sockets, p50`,
        value: arrival.p50,
        unit: 'ms',
        floor,
        ratio,
        goal: `≤ ${limit}× floor`,
        met: ratio <= limit,
      });
      const cap = n >= 1000 ? 120 : n >= 100 ? 50 : undefined;
      const p99Floor = commit.p99 + fanout.p99;
      rows.push({
        measure: `change → last of ${at(n)} sockets, p99`,
        value: arrival.p99,
        unit: 'ms',
        floor: p99Floor,
        ratio: arrival.p99 / p99Floor,
        goal: cap === undefined ? '—' : `≤ ${cap} ms`,
        ...(cap === undefined ? {} : { met: arrival.p99 <= cap }),
      });
    }
    if (sizes.length > 1) {
      const small = byN[sizes[0]!]!.response.p50;
      const large = byN[sizes.at(-1)!]!.response.p50;
      rows.push({
        measure: `caller's response at ${at(sizes.at(-1)!)} sockets (floor: at ${at(sizes[0]!)}), p50`,
        value: large,
        unit: 'ms',
        floor: small,
        ratio: large / small,
        goal: '≤ 1.2×',
        met: large / small <= 1.2,
      });
    }
    return rows;
  },

  throughput(
    roster: { one: number; eight: number },
    floor: { one: number; eight: number },
    sockets: number,
  ): GoalRow[] {
    return [
      {
        measure: `role changes/s, one client (${sockets} sockets; floor: bare Hono)`,
        value: roster.one,
        unit: '/s',
        floor: floor.one,
        ratio: roster.one / floor.one,
        goal: '≥ 0.5× floor',
        met: roster.one / floor.one >= 0.5,
      },
      {
        measure: 'role changes/s, eight clients on eight orgs (floor: one client)',
        value: roster.eight,
        unit: '/s',
        floor: roster.one,
        ratio: roster.eight / roster.one,
        goal: '≥ 4×',
        met: roster.eight / roster.one >= 4,
      },
      {
        measure: 'bare Hono, eight clients (floor: one client)',
        value: floor.eight,
        unit: '/s',
        floor: floor.one,
        ratio: floor.eight / floor.one,
        goal: 'what the database allows',
      },
    ];
  },

  reconnect(
    sockets: number,
    allSynced: number,
    p99: number,
    floor: number[],
    list: { rest: number; during: number },
  ): GoalRow[] {
    const floorP99 = percentile(floor, 99);
    const floorAll = Math.max(...floor);
    return [
      {
        measure: `reconnect storm: ${at(sockets)} sockets synced, p99 (floor: bare Socket.IO)`,
        value: p99,
        unit: 'ms',
        floor: floorP99,
        ratio: p99 / floorP99,
        goal: '≤ 1,000 ms',
        met: p99 <= 1000,
      },
      {
        measure: `reconnect storm: all ${at(sockets)} synced`,
        value: allSynced,
        unit: 'ms',
        floor: floorAll,
        ratio: allSynced / floorAll,
        goal: '—',
      },
      {
        measure: 'members list during the storm, p99 (floor: at rest)',
        value: list.during,
        unit: 'ms',
        floor: list.rest,
        ratio: list.during / list.rest,
        goal: '< 100 ms',
        met: list.during < 100,
      },
    ];
  },

  search(kind: Kind, members: number, broad: number, exact: number): GoalRow[] {
    const cap = kind === 'pglite' ? 60 : members > 10_000 ? 30 : 15;
    return [
      {
        measure: `members search q=a, ${at(members)} members, p95 (warm)`,
        value: broad,
        unit: 'ms',
        goal: `≤ ${cap} ms`,
        met: broad <= cap,
      },
      {
        measure: `members search exact email, ${at(members)} members, p95`,
        value: exact,
        unit: 'ms',
        goal: '≤ 5 ms',
        met: exact <= 5,
      },
    ];
  },

  memory(kind: Kind, memory: { idleMiB: number; perSocketKiB: number }, sockets: number): GoalRow[] {
    return [
      {
        measure: 'server RSS idle after start',
        value: memory.idleMiB,
        unit: 'MiB',
        goal: kind === 'pglite' ? '< 300 MiB' : '— (embedded only)',
        ...(kind === 'pglite' ? { met: memory.idleMiB < 300 } : {}),
      },
      {
        measure: `server RSS per connected socket, ${at(sockets)} sockets`,
        value: memory.perSocketKiB,
        unit: 'KiB',
        goal: '≤ 40 KiB',
        met: memory.perSocketKiB <= 40,
      },
    ];
  },

  /**
   * An admin arriving on a page is shown to the others there within 20 ms (p50; the floor: a bare
   * Socket.IO relay of one emit to as many sockets); sitting on a page costs under 1 KB/s.
   */
  presence(
    sockets: number,
    join: Row,
    floor: Row,
    traffic: { bytesPerSocketPerSecond: number; stateBytes: number; editsPerSecond: number },
  ): GoalRow[] {
    return [
      {
        measure: `presence: a new socket's update → last of ${at(sockets)} admins on the page, p50`,
        value: join.p50,
        unit: 'ms',
        floor: floor.p50,
        ratio: join.p50 / floor.p50,
        goal: '≤ 20 ms',
        met: join.p50 <= 20,
      },
      {
        measure: `presence: same, p99`,
        value: join.p99,
        unit: 'ms',
        floor: floor.p99,
        ratio: join.p99 / floor.p99,
        goal: '—',
      },
      {
        measure: `presence: received per socket, ${at(sockets)} admins, one edits ${traffic.editsPerSecond}×/s (JSON)`,
        value: traffic.bytesPerSocketPerSecond / 1000,
        unit: 'KB/s',
        goal: '< 1 KB/s',
        met: traffic.bytesPerSocketPerSecond < 1000,
      },
      {
        measure: `presence: one page's state, ${at(sockets + 1)} people (JSON)`,
        value: traffic.stateBytes / 1000,
        unit: 'KB',
        goal: '—',
      },
    ];
  },

  /** The members table's first row within 500 ms of navigation on a warm server. */
  web(firstRowP50: number): GoalRow[] {
    return [
      {
        measure: 'members page, navigation → first row, p50',
        value: firstRowP50,
        unit: 'ms',
        goal: '≤ 500 ms',
        met: firstRowP50 <= 500,
      },
    ];
  },
};
