// Load and faults on loopback, bounded in count and time (issue #7): 20,000 signed deliveries with 50
// in flight, a share of duplicates and 1,000 forged or stale ones. The output file must hold exactly
// the unique valid events: none lost, none twice, no forgery. Then the same with a --forward-to app
// that fails half the time, where every non-2xx delivery is re-sent (as YCloud would) until it lands.
// YCP_LOAD_DELIVERIES may lower the count on a laptop; CI always runs the full 20,000.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebhookListener } from '../../../src/core/webhook/listener.js';
import { signatureHeader } from '../../../src/core/webhook/signature.js';
import { SECRET, anEvent, postSigned, startFakeApp } from '../../helpers/webhook.js';

const TOTAL = process.env.CI ? 20_000 : Number(process.env.YCP_LOAD_DELIVERIES ?? 20_000);
const FORGED = Math.min(1_000, Math.floor(TOTAL / 20));
const IN_FLIGHT = 50;

/** mulberry32: a seeded generator so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Delivery {
  id: string;
  body: string;
  header?: string;
  /** Stale ones are signed with the right secret at a time outside the tolerance. */
  stale?: boolean;
  forged: boolean;
}

function plan(seed: number): { deliveries: Delivery[]; unique: Set<string> } {
  const rand = rng(seed);
  const valid = TOTAL - FORGED;
  const uniqueCount = Math.floor(valid * 0.8);
  const unique: string[] = Array.from({ length: uniqueCount }, (_, i) => `evt_load_${seed}_${i}`);
  const deliveries: Delivery[] = unique.map((id, i) => ({ id, body: JSON.stringify(anEvent(id, 'whatsapp.message.updated', { n: i })), forged: false }));
  // duplicates: exact re-deliveries of some events (same bytes), in random positions
  for (let i = uniqueCount; i < valid; i++) {
    const original = deliveries[Math.floor(rand() * uniqueCount)]!;
    deliveries.push({ ...original });
  }
  for (let i = 0; i < FORGED; i++) {
    const kind = i % 4;
    if (kind === 0 || kind === 1) {
      // a new id signed with the wrong secret
      const id = `evt_forged_${i}`;
      const body = JSON.stringify(anEvent(id, 'whatsapp.message.updated', { forged: true }));
      deliveries.push({ id, body, header: signatureHeader('whsec_attacker_key_0000', nowS(), body), forged: true });
    } else if (kind === 2) {
      // the right secret, but a replay far outside the 300 s tolerance
      const id = `evt_stale_${i}`;
      deliveries.push({ id, body: JSON.stringify(anEvent(id, 'whatsapp.message.updated', { forged: true })), stale: true, forged: true });
    } else {
      // a real event id with a tampered body under the real event's signature
      const victim = unique[Math.floor(rand() * uniqueCount)]!;
      const realBody = JSON.stringify(anEvent(victim));
      const body = JSON.stringify(anEvent(victim, 'whatsapp.message.updated', { forged: true }));
      deliveries.push({ id: victim, body, header: signatureHeader(SECRET, nowS(), realBody), forged: true });
    }
  }
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  return { deliveries, unique: new Set(unique) };
}
const nowS = () => Math.floor(Date.now() / 1000);

/** Sends everything with IN_FLIGHT workers; a valid delivery answered non-2xx is re-sent until 2xx. */
async function drive(url: string, deliveries: Delivery[], agent: Agent) {
  const counts = { ok: 0, rejected: 0, resent: 0, wrongAnswers: [] as string[] };
  let next = 0;
  const deadline = Date.now() + 120_000;
  async function worker() {
    while (next < deliveries.length) {
      const d = deliveries[next++]!;
      for (let attempt = 1; ; attempt++) {
        if (Date.now() > deadline || attempt > 30) throw new Error(`gave up on ${d.id} after ${attempt - 1} tries`);
        const header = d.header ?? (d.stale ? signatureHeader(SECRET, nowS() - 3_600, d.body) : undefined);
        const r = await postSigned(url, d.body, { header, dispatcher: agent });
        if (d.forged) {
          if (r.status !== 400) counts.wrongAnswers.push(`${d.id} forged → ${r.status}`);
          counts.rejected++;
          break;
        }
        if (r.status >= 200 && r.status < 300) {
          counts.ok++;
          break;
        }
        counts.resent++; // YCloud retries any non-2xx (CONTRACT §13)
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return counts;
}

function recorded(path: string): { id: string; forged?: boolean }[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

let dir: string;
const agent = new Agent({ connections: IN_FLIGHT, keepAliveTimeout: 10_000 });
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'ycp-load-'))));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await agent.close();
});

describe(`listener under load (${TOTAL} deliveries, ${IN_FLIGHT} in flight, ${FORGED} forged or stale)`, () => {
  test('the output file holds exactly the unique valid events', { timeout: 120_000 }, async () => {
    const { deliveries, unique } = plan(1);
    const out = join(dir, 'plain.ndjson');
    const l = await startWebhookListener({ secrets: [SECRET], outputPath: out });
    try {
      const c = await drive(l.url, deliveries, agent);
      expect(c.wrongAnswers).toEqual([]);
      expect(c.resent).toBe(0);
      expect(c.ok).toBe(TOTAL - FORGED);
      expect(c.rejected).toBe(FORGED);
    } finally {
      await l.close();
    }
    const lines = recorded(out);
    expect(lines.filter((e) => e.forged)).toEqual([]);
    expect(lines).toHaveLength(unique.size);
    expect(new Set(lines.map((e) => e.id))).toEqual(unique);
    expect(l.stats).toMatchObject({ events: unique.size, rejected: FORGED, duplicates: TOTAL - FORGED - unique.size });
  });

  test('the same while the --forward-to app fails half the time', { timeout: 120_000 }, async () => {
    const { deliveries, unique } = plan(2);
    const rand = rng(99);
    const appOk = new Map<string, number>();
    const app = await startFakeApp((_n, body) => {
      const status = rand() < 0.5 ? 503 : 200;
      if (status === 200) {
        const id = (JSON.parse(body.toString()) as { id: string }).id;
        appOk.set(id, (appOk.get(id) ?? 0) + 1);
      }
      return status;
    });
    const out = join(dir, 'forward.ndjson');
    const fwdAgent = new Agent({ connections: IN_FLIGHT });
    const l = await startWebhookListener({ secrets: [SECRET], outputPath: out, forwardTo: app.url, dispatcher: fwdAgent });
    let c;
    try {
      c = await drive(l.url, deliveries, agent);
    } finally {
      await l.close();
      await app.close();
      await fwdAgent.close();
    }
    expect(c.wrongAnswers).toEqual([]);
    expect(c.resent).toBeGreaterThan(unique.size / 4); // the failures really happened and were answered non-2xx
    expect(app.received.some((r) => r.body.includes('"forged":true'))).toBe(false);
    // each unique event reached the app successfully exactly once
    expect(appOk.size).toBe(unique.size);
    expect([...appOk.values()].every((n) => n === 1)).toBe(true);
    const lines = recorded(out);
    expect(lines.filter((e) => e.forged)).toEqual([]);
    expect(lines).toHaveLength(unique.size);
    expect(new Set(lines.map((e) => e.id))).toEqual(unique);
  });
});
