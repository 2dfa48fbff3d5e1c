// One link table (core/links.ts): the wizard's and status's URLs come from it unchanged.
import { expect, test } from 'vitest';
import { LINKS } from '../../src/core/checklist/facts.js';
import { LINK_TARGETS } from '../../src/core/links.js';

test('the checklist reads its links from the table, with the URLs it always had', () => {
  expect(LINKS).toEqual({
    partnerPage: 'https://www.ycloud.com/zh/partner',
    register: 'https://www.ycloud.com/console/#/entry/register',
    console: 'https://www.ycloud.com/console/',
    techProviders: 'https://developers.facebook.com/docs/whatsapp/solution-providers/get-started-for-tech-providers',
    businessPortfolio: 'https://business.facebook.com',
    developers: 'https://developers.facebook.com',
    apps: 'https://developers.facebook.com/apps',
    webhooks: 'https://docs.ycloud.com/reference/configure-webhooks',
  });
});

test('every target has a unique name, an https URL with or without IDs, a source, and `where` when inferred', () => {
  expect(new Set(LINK_TARGETS.map((l) => l.name)).size).toBe(LINK_TARGETS.length);
  for (const l of LINK_TARGETS) {
    for (const ids of [{}, { appId: '123', businessId: '456' }]) expect(l.url(ids).url, l.name).toMatch(/^https:\/\/[a-z.]+\.com(\/|$)/);
    expect(l.source.length).toBeGreaterThan(10);
    expect(l.evidence === 'inferred', l.name).toBe(l.where !== undefined);
  }
  // IDs are encoded into the path, never pasted raw.
  expect(LINK_TARGETS.find((l) => l.name === 'meta-app')!.url({ appId: '12/../x' }).url).toBe('https://developers.facebook.com/apps/12%2F..%2Fx/dashboard/');
});
