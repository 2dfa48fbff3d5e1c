// `ycp signup scaffold`'s page settings (issue 12): the Embedded Signup version (v4 by default, v3/v2 with
// their deprecation warning), feature types per version, branding (name, logo, colour), the page language,
// the backend URL and --include-code; each bad value is exit 2 with nothing written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { readConfigBlock } from '../../../src/core/signup/config-block.js';

let t: TestCtx | undefined;
afterEach(() => {
  t?.verify();
  t?.dispose();
  t = undefined;
});
const tmp = () => mkdtempSync(join(tmpdir(), 'ycp-scaffold-page-'));
const IDS = ['--app-id', '1111', '--config-id', '2222', '--solution-id', '3333'];
const block = (dir: string) => readConfigBlock(readFileSync(join(dir, 'index.html'), 'utf8'))!;
// The smallest valid PNG (1×1, transparent).
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0e5d00000000049454e44ae426082', 'hex');

async function scaffold(args: string[], env: Record<string, string> = {}): Promise<{ code: number; dir: string }> {
  t = createTestCtx({ env });
  const dir = join(tmp(), 'page');
  const code = await t.run(['signup', 'scaffold', '--out', dir, ...IDS, ...args]);
  return { code, dir };
}

describe('Embedded Signup versions', () => {
  test('v3 and v2 are still written, with the deprecation warning and its date; the page records its version', async () => {
    for (const v of ['v3', 'v2']) {
      const { code, dir } = await scaffold(['--es-version', v]);
      expect(code).toBe(0);
      expect(block(dir).esVersion).toBe(v);
      expect(t!.stderr()).toContain(`warning: Embedded Signup ${v} is deprecated. Meta announced v2’s deprecation for 2026-10-15`);
      expect(t!.stderr()).toContain(`Wrote the Embedded Signup page (${v}) in`);
      t!.dispose();
      t = undefined;
    }
  });

  test('the version comes from the flag, then YCP_ES_VERSION, then the profile; the warning is on stderr under --json too', async () => {
    const { code, dir } = await scaffold(['--json'], { YCP_ES_VERSION: 'V3' });
    expect(code).toBe(0);
    expect(JSON.parse(t!.stdout()).values.esVersion).toBe('v3');
    expect(block(dir).esVersion).toBe('v3');
    expect(t!.stderr()).toMatch(/^warning: Embedded Signup v3 is deprecated/);
  });

  test('an unknown version is exit 2 naming the choices, and nothing is written', async () => {
    const { code, dir } = await scaffold(['--es-version', 'v5']);
    expect(code).toBe(2);
    expect(t!.stderr()).toContain('--es-version: must be v4, v3 or v2');
    expect(existsSync(dir)).toBe(false);
  });

  test('feature types: what each version accepts (docs/signup.md), the rest is exit 2 with the reason', async () => {
    const cases: [string, string, number, string?][] = [
      ['v4', 'whatsapp_business_app_onboarding', 0],
      ['v4', 'app_only_install', 0],
      ['v4', 'only_waba_sharing', 2, 'only_waba_sharing exists only in Embedded Signup v2: from v3 on a customer can finish without a number'],
      ['v4', 'marketing_messages_lite', 2, 'marketing_messages_lite is not a v4 feature type: add the Marketing Messages API as a product of your v4 login configuration'],
      ['v3', 'only_waba_sharing', 2, 'only_waba_sharing exists only in Embedded Signup v2'],
      ['v3', 'marketing_messages_lite', 0],
      ['v2', 'only_waba_sharing', 0],
      ['v2', 'app_only_install', 2, 'app_only_install needs Embedded Signup v3 or v4'],
      ['v4', 'some_future_type', 0], // Meta adds feature types: a well-formed name passes
      ['v4', 'Bad-Type', 2, '--feature-type must look like whatsapp_business_app_onboarding, got "Bad-Type"'],
    ];
    for (const [v, ft, want, why] of cases) {
      const { code, dir } = await scaffold(['--es-version', v, '--feature-type', ft]);
      expect(code, `${v} ${ft}`).toBe(want);
      if (want === 0) expect(block(dir).featureType).toBe(ft);
      else {
        expect(t!.stderr()).toContain(`error: ${why}`);
        expect(existsSync(dir)).toBe(false);
      }
      t!.dispose();
      t = undefined;
    }
  });
});

describe('branding, language and backend', () => {
  test('name, colour, logo (copied next to the page), language, backend URL and --include-code reach the config block', async () => {
    const logo = join(tmp(), 'acme.png');
    writeFileSync(logo, PNG);
    const { code, dir } = await scaffold([
      '--brand-name', 'Acme Bakery', '--brand-color', '#C2410C', '--logo', logo, '--page-lang', 'zh-CN',
      '--backend-url', 'https://api.acme.example/whatsapp/signup', '--include-code',
    ]);
    expect(code).toBe(0);
    expect(block(dir)).toMatchObject({
      brandName: 'Acme Bakery', brandColor: '#c2410c', logo: 'logo.png', pageLang: 'zh-CN', backendUrl: 'https://api.acme.example/whatsapp/signup', includeCode: true,
    });
    expect(readFileSync(join(dir, 'logo.png')).equals(PNG)).toBe(true);
    expect(t!.stdout()).toContain(join(dir, 'logo.png'));
    expect(t!.stderr()).toContain('warning: the page sends the OAuth code to your backend with each result: it expires 30 s after the customer finishes');
    expect(t!.stderr()).not.toContain('posts the result nowhere');
  });

  test('bad branding values are exit 2 with the reason, nothing written', async () => {
    const dir0 = tmp();
    const svgScript = join(dir0, 'logo.svg');
    writeFileSync(svgScript, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const fakePng = join(dir0, 'logo.png');
    writeFileSync(fakePng, '<svg xmlns="http://www.w3.org/2000/svg"/>'); // an SVG named .png
    const big = join(dir0, 'big.png');
    writeFileSync(big, Buffer.concat([PNG, Buffer.alloc(600 * 1024)]));
    const cases: [string[], string][] = [
      [['--brand-color', 'red'], '--brand-color must be a colour such as #1DA851, got "red"'],
      [['--brand-color', '#12345'], '--brand-color must be a colour such as #1DA851'],
      [['--brand-name', 'Acme\u202eyrekab'], '--brand-name must be 1 to 80 characters without control characters'],
      [['--brand-name', 'x'.repeat(81)], '--brand-name must be 1 to 80 characters'],
      [['--logo', svgScript], 'is an SVG with script or event handlers'],
      [['--logo', fakePng], 'must be a PNG, JPEG, GIF, WebP or SVG image whose extension matches its content'],
      [['--logo', big], 'is 601 KiB; the limit is 512 KiB'],
      [['--logo', join(dir0, 'missing.png')], '--logo: cannot read'],
      [['--backend-url', 'http://api.acme.example/hook'], '--backend-url must be an https URL (http only on localhost, for testing)'],
      [['--backend-url', 'https://user:pw@api.acme.example/'], '--backend-url must be an https URL'],
      [['--page-lang', 'fr'], "argument 'fr' is invalid"],
    ];
    for (const [args, why] of cases) {
      const { code, dir } = await scaffold(args);
      expect(code, args.join(' ')).toBe(2);
      expect(t!.stderr()).toContain(why);
      expect(existsSync(dir)).toBe(false);
      t!.dispose();
      t = undefined;
    }
  });

  test('http on loopback is accepted as a backend for testing; an SVG logo without script is fine', async () => {
    const svg = join(tmp(), 'logo.svg');
    writeFileSync(svg, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c2410c"/></svg>');
    const { code, dir } = await scaffold(['--backend-url', 'http://127.0.0.1:3000/signup', '--logo', svg]);
    expect(code).toBe(0);
    expect(block(dir)).toMatchObject({ backendUrl: 'http://127.0.0.1:3000/signup', logo: 'logo.svg' });
  });
});
