// Control routes under /_sandbox/ (no API key: the sandbox listens on loopback). Tests of other
// commands use them to reset state, inject faults and simulate an Embedded Signup.
import type { Delivery } from '../delivery.js';
import { bool, oneOf, requireBody, str } from '../check.js';
import type { Faults } from '../faults.js';
import { fbDialogPage } from '../fb-dialog.js';
import { fbSdkSource } from '../fb-sdk.js';
import { invalid, notFound } from '../http.js';
import { route, type Route } from '../router.js';
import { SEED_NAMES } from '../seed.js';
import { isSeedName } from '../store.js';
import { simulateSignup } from '../signup.js';
import { PHONE_STATUSES } from '../../api/types.js';
import type { World } from '../world.js';

export interface ControlDeps {
  faults: Faults;
  delivery: Delivery;
  origin(): string;
}

function seedArg(v: string | undefined): string | undefined {
  if (v !== undefined && !isSeedName(v)) throw invalid('seed', `unknown seed "${v.slice(0, 30)}"; use ${SEED_NAMES.join(', ')}`);
  return v;
}

function resetTo(w: World, d: ControlDeps, seed?: string) {
  d.faults.clear();
  d.delivery.clear();
  w.store.reset(seed);
  return { body: { ok: true, seed: w.data.seed } };
}

export function controlRoutes(d: ControlDeps): Route[] {
  return [
    route('GET', '', () => ({
      body: {
        routes: [
          'POST /_sandbox/reset {seed?}', 'GET /_sandbox/state', 'POST /_sandbox/seed {name}', 'POST /_sandbox/signup',
          'GET|POST|DELETE /_sandbox/faults', 'DELETE /_sandbox/faults/{id}', 'POST /_sandbox/config {outOfOrderEvents}',
          'PATCH /_sandbox/phoneNumbers/{id}', 'POST /_sandbox/phoneNumbers/bulk {count, wabas?, banned?}', 'PATCH /_sandbox/businessAccounts/{id}', 'GET /_sandbox/fb/sdk.js', 'GET /_sandbox/fb/dialog',
        ],
      },
    })),
    route('POST', '/reset', async ({ w, body }) => resetTo(w, d, seedArg(str((await body()) ?? {}, 'seed')))),
    route('POST', '/seed', async ({ w, body }) => resetTo(w, d, seedArg(str(requireBody(await body()), 'name', 'name', { required: true })))),
    route('GET', '/state', ({ w }) => ({ body: { ...w.data, apiKey: undefined, faults: d.faults.list(), pendingDeliveries: d.delivery.pending() } })),
    route('POST', '/signup', async ({ w, body }) => ({ body: simulateSignup(w, (await body()) ?? {}) })),
    route('GET', '/faults', () => ({ body: { items: d.faults.list() } })),
    route('POST', '/faults', async ({ body }) => ({ body: d.faults.add(requireBody(await body())) })),
    route('DELETE', '/faults', () => {
      d.faults.clear();
      return { body: { ok: true } };
    }),
    route('DELETE', '/faults/:id', ({ params }) => {
      if (!d.faults.remove(params.id!)) throw notFound(`fault ${params.id}`);
      return { body: { ok: true } };
    }),
    route('POST', '/config', async ({ w, body }) => {
      const b = requireBody(await body());
      const ooo = bool(b, 'outOfOrderEvents');
      if (ooo !== undefined) w.data.config.outOfOrderEvents = ooo;
      w.changed();
      return { body: w.data.config };
    }),
    route('PATCH', '/phoneNumbers/:id', async ({ w, params, body }) => {
      const b = requireBody(await body());
      const rec = w.data.phones.find((p) => p.number.id === params.id);
      if (!rec) throw notFound(`phone number ${params.id}`);
      const status = oneOf('status', str(b, 'status'), PHONE_STATUSES);
      if (status) {
        rec.number.status = status;
        rec.connectAt = undefined;
      }
      const quality = oneOf('qualityRating', str(b, 'qualityRating'), ['GREEN', 'YELLOW', 'RED', 'UNKNOWN']);
      if (quality) rec.number.qualityRating = quality;
      if (b.registerAttempts !== undefined) {
        if (!Number.isInteger(b.registerAttempts) || (b.registerAttempts as number) < 0 || (b.registerAttempts as number) > 100) {
          throw invalid('registerAttempts', 'registerAttempts must be an integer between 0 and 100');
        }
        rec.registerAttempts = Array.from({ length: b.registerAttempts as number }, () => w.now());
      }
      w.changed();
      return { body: rec.number };
    }),
    route('PATCH', '/businessAccounts/:id', async ({ w, params, body }) => {
      const b = requireBody(await body());
      const waba = w.data.wabas.find((x) => x.id === params.id);
      if (!waba) throw notFound(`WhatsApp Business Account ${params.id}`);
      const paid = bool(b, 'paymentMethodAttached');
      if (paid !== undefined) waba.paymentMethodAttached = paid;
      const review = oneOf('accountReviewStatus', str(b, 'accountReviewStatus'), ['PENDING', 'APPROVED', 'REJECTED']);
      if (review) waba.accountReviewStatus = review;
      w.changed();
      return { body: waba };
    }),
    route('GET', '/fb/sdk.js', ({ req }) => ({
      body: fbSdkSource(loopbackOrigin(req.headers.host) ?? d.origin()),
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' },
    })),
    route('GET', '/fb/dialog', ({ query }) => fbDialogPage(query)),
  ];
}

/**
 * The origin the page used to reach the sandbox. A page configured with http://localhost:4010 must
 * get its dialog (and so its messages) from that origin, not from 127.0.0.1, or its allow-list
 * would drop them. Only loopback names count; anything else falls back to the listening address.
 */
function loopbackOrigin(host: string | undefined): string | undefined {
  return host && /^(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/.test(host) ? `http://${host}` : undefined;
}
