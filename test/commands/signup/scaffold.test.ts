import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { configBlock, readConfigBlock, serializeForScript, writeConfigBlock } from '../../../src/core/signup/config-block.js';
import { templatesDir } from '../../../src/core/signup/templates.js';

let t: TestCtx | undefined;
afterEach(() => {
  t?.verify();
  t?.dispose();
  t = undefined;
});
const tmp = () => mkdtempSync(join(tmpdir(), 'ycp-scaffold-'));
const IDS = ['--app-id', '1111', '--config-id', '2222', '--solution-id', '3333'];

describe('the config block', () => {
  const HOSTILE = ['</script><script>window.pwned=1</script>', '"quotes" and \'single\'', '<img src=x onerror="window.pwned=2">', '<!-- <script>', '&amp; &lt;', '\u2028\u2029', '$& $1 $`'];

  test('hostile values cannot close the block and parse back unchanged', () => {
    for (const v of HOSTILE) {
      const block = configBlock({ v });
      const inner = block.slice(block.indexOf('>') + 1, block.lastIndexOf('</script>'));
      expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
      expect(readConfigBlock(`<head>${block}</head>`)).toEqual({ v });
    }
  });

  test('any string survives the round trip (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('</script>', '\u2028', '<!--'))), (obj) => {
        const html = writeConfigBlock('<script type="application/json" id="ycp-config">{}</script>', obj);
        expect(html.match(/<\/script>/gi)).toHaveLength(1);
        expect(readConfigBlock(html)).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  test('escapes exactly <, >, &, U+2028 and U+2029', () => {
    expect(serializeForScript({ a: '<>&\u2028\u2029"' })).toBe('{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029\\""}');
  });
});

describe('templatesDir', () => {
  test('is found from src/ and from a bundled dist/ or dist/chunks/ file', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    expect(templatesDir()).toBe(join(root, 'templates'));
    expect(templatesDir(join(root, 'dist', 'ycp.js'))).toBe(join(root, 'templates'));
    expect(templatesDir(`file://${join(root, 'dist', 'chunks', 'serve-ABC123.js')}`)).toBe(join(root, 'templates'));
  });
});

describe('ycp signup scaffold', () => {
  test('writes the three files with the values (v4 by default) and both languages in the config block, and prints the next steps', async () => {
    t = createTestCtx();
    const out = join(tmp(), 'page');
    expect(await t.run(['signup', 'scaffold', '--out', out, ...IDS, '--feature-type', 'whatsapp_business_app_onboarding'])).toBe(0);
    expect(t.stdout()).toBe(['index.html', 'page.js', 'signup.js', 'style.css'].map((f) => join(out, f)).join('\n') + '\n');
    const { texts, ...cfg } = readConfigBlock(readFileSync(join(out, 'index.html'), 'utf8'))! as { texts: Record<string, Record<string, string>> };
    expect(cfg).toEqual({ esVersion: 'v4', appId: '1111', configId: '2222', solutionId: '3333', graphVersion: 'v25.0', featureType: 'whatsapp_business_app_onboarding' });
    // The page's words, from the catalogs: the customer copy and the developer panel, in both languages.
    expect(texts.en!.connect).toBe('Connect WhatsApp');
    expect(texts['zh-CN']!.connect).toBe('连接 WhatsApp');
    expect(texts['zh-CN']!['dbg.title']).toBe('开发者面板');
    expect(Object.keys(texts.en!).sort()).toEqual(Object.keys(texts['zh-CN']!).sort());
    expect(t.stderr()).toContain('✓ Wrote the Embedded Signup page (v4) in');
    expect(t.stderr()).not.toContain('deprecated');
    expect(t.stderr()).toContain('Create configuration → login variation "WhatsApp Embedded Signup" → products (Cloud API)');
    expect(t.stderr()).toContain('warning: hosted anywhere but `ycp signup serve`, this page posts the result nowhere: pass --backend-url');
    expect(readFileSync(join(out, 'signup.js'), 'utf8')).toBe(readFileSync(join(templatesDir(), 'embedded-signup', 'signup.js'), 'utf8'));
    expect(t.stderr()).toContain(`ycp signup serve --dir ${out}`);
    expect(t.stderr()).toContain('Allowed Domains:');
    expect(t.stderr()).toContain('Valid OAuth Redirect URIs:  https://<that host>/');
  });

  test('values come from env, then the profile saved by init; --graph-version is configurable', async () => {
    t = createTestCtx({ env: { YCP_APP_ID: '5555', YCP_GRAPH_VERSION: 'v26.0' }, profile: { appId: '9999', configId: '6666', solutionId: '7777' } });
    const out = join(tmp(), 'p');
    expect(await t.run(['signup', 'scaffold', '--out', out, '--json'])).toBe(0);
    expect(JSON.parse(t.stdout()).values).toEqual({ appId: '5555', configId: '6666', solutionId: '7777', graphVersion: 'v26.0', esVersion: 'v4' });
  });

  test('asks for missing values on a TTY, each prompt naming its flag', async () => {
    t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--config-id': '2222', '--solution-id': '3333' } });
    const out = join(tmp(), 'p');
    expect(await t.run(['signup', 'scaffold', '--out', out, '--app-id', '1111'])).toBe(0);
    expect(t.questions).toEqual(['--config-id', '--solution-id']);
  });

  test('not interactive and a value missing → exit 2 naming the flag, nothing written', async () => {
    t = createTestCtx();
    const out = join(tmp(), 'p');
    expect(await t.run(['signup', 'scaffold', '--out', out, '--app-id', '1111', '--config-id', '2222'])).toBe(2);
    expect(t.stderr()).toBe('error: --solution-id is required when not interactive\nhint: pass --solution-id, or run in a terminal to be asked\n');
    expect(existsSync(out)).toBe(false);
  });

  test('against the sandbox, missing IDs become marked placeholders, asked for by no one, even on a TTY', async () => {
    t = createTestCtx({ stdinTTY: true, stdoutTTY: true, env: { YCLOUD_BASE_URL: 'http://127.0.0.1:4010/v2' } });
    const out = join(tmp(), 'p');
    expect(await t.run(['signup', 'scaffold', '--out', out, '--app-id', '1111'])).toBe(0);
    expect(t.questions).toEqual([]);
    const cfg = readConfigBlock(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(cfg).toMatchObject({ appId: '1111', configId: '200000000000002', solutionId: '300000000000003', graphVersion: 'v25.0', esVersion: 'v4', sandboxPlaceholders: ['configId', 'solutionId'] });
    expect(t.stderr()).toContain('Sandbox mode (http://127.0.0.1:4010/v2): configId, solutionId stand in for your Meta IDs.');
    expect(t.stderr()).toContain(`Try it now: ycp signup serve --dir ${out}`);
    expect(t.stderr()).not.toContain('Allowed Domains');
    t.dispose();
    // With every ID given (or saved by init) nothing is a placeholder, sandbox or not.
    t = createTestCtx({ env: { YCLOUD_BASE_URL: 'http://localhost:4010/v2' }, profile: { appId: '9999', configId: '6666', solutionId: '7777' } });
    const full = join(tmp(), 'p');
    expect(await t.run(['signup', 'scaffold', '--out', full])).toBe(0);
    expect(readConfigBlock(readFileSync(join(full, 'index.html'), 'utf8'))).not.toHaveProperty('sandboxPlaceholders');
  });

  test('IDs must be digit strings and versions look like v25.0 (exit 2)', async () => {
    for (const [flag, bad] of [['--app-id', '12</script>'], ['--config-id', '1e5'], ['--solution-id', '-1'], ['--graph-version', '25'], ['--feature-type', '<img>']] as const) {
      t = createTestCtx();
      const args = [...IDS];
      const i = args.indexOf(flag);
      if (i >= 0) args[i + 1] = bad;
      else args.push(flag, bad);
      expect(await t.run(['signup', 'scaffold', '--out', join(tmp(), 'p'), ...args]), flag).toBe(2);
      // Setting flags are checked by their SETTINGS row (`--app-id: must …`); --feature-type by the page.
      expect(t.stderr()).toMatch(new RegExp(`${flag}:? must`));
      t.dispose();
      t = undefined;
    }
  });

  test('refuses to overwrite without --force', async () => {
    t = createTestCtx();
    const out = tmp();
    writeFileSync(join(out, 'index.html'), 'mine');
    expect(await t.run(['signup', 'scaffold', '--out', out, ...IDS])).toBe(2);
    expect(t.stderr()).toContain(`error: ${join(out, 'index.html')} already exists\nhint: pass --force`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('mine');
    t.dispose();
    t = createTestCtx();
    expect(await t.run(['signup', 'scaffold', '--out', out, ...IDS, '--force'])).toBe(0);
    expect(t.stderr()).toContain('Rewrote the Embedded Signup page');
  });
});
