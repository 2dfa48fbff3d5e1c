import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aTemplate } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});
const dir = mkdtempSync(join(tmpdir(), 'ycp-tpl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const BASE = ['template', 'create', '--waba', WABA_ID, '--name', 'order_update', '--language', 'en_US', '--category', 'utility'];
const PENDING = aTemplate({ status: 'PENDING', components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.', example: { body_text: [['Ana', 'A-1']] } }] });

describe('template create: the request', () => {
  test('flags become one create request; the answer is shown', async () => {
    t = createTestCtx();
    t.api.on('POST', '/whatsapp/templates').reply(200, PENDING);
    const argv = [...BASE, '--body', 'Hi {{1}}, order {{2}} shipped.', '--example', 'Ana', '--example', 'A-1', '--header-text', 'Order {{1}}', '--header-example', 'A-1', '--footer', 'Acme Bakery',
      '--button', 'URL:Track:https://shop.example.com/t/{{1}}|A-1', '--button', 'PHONE_NUMBER:Call us:+15550001111', '--button', 'QUICK_REPLY:Thanks: got it'];
    expect(await t.run(argv)).toBe(0);
    expect(t.api.requests[0]!.body).toEqual({
      wabaId: WABA_ID, name: 'order_update', language: 'en_US', category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.', example: { body_text: [['Ana', 'A-1']] } },
        { type: 'FOOTER', text: 'Acme Bakery' },
        { type: 'BUTTONS', buttons: [
          { type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: ['A-1'] },
          { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' },
          { type: 'QUICK_REPLY', text: 'Thanks: got it' },
        ] },
      ],
    });
    expect(t.stderr()).toBe(`✓ Submitted template order_update (en_US) for review: PENDING\nnext: ycp template wait ${WABA_ID} order_update en_US\n`);
    expect(t.stdout()).toContain('order_update');
  });

  test('a YAML file is the whole template; --waba fills the WABA', async () => {
    t = createTestCtx();
    t.api.on('POST', '/whatsapp/templates').reply(200, PENDING);
    const yaml = file('t.yaml', 'name: order_update\nlanguage: en_US\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: "Hi {{1}}, order {{2}} shipped."\n    example:\n      body_text: [[Ana, A-1]]\n');
    expect(await t.run(['template', 'create', '--waba', WABA_ID, '--file', yaml, '--json'])).toBe(0);
    expect(t.api.requests[0]!.body).toMatchObject({ wabaId: WABA_ID, name: 'order_update', components: [{ type: 'BODY', example: { body_text: [['Ana', 'A-1']] } }] });
    expect(JSON.parse(t.stdout())).toMatchObject({ name: 'order_update', status: 'PENDING' });
  });
});

describe('template create: a template Meta would reject is exit 2, with the reason, and nothing is sent', () => {
  const cases: [string, string[], string][] = [
    ['a name with capitals', ['template', 'create', '--waba', WABA_ID, '--name', 'Order-Update', '--language', 'en_US', '--category', 'UTILITY', '--body', 'Hi'], 'the name "Order-Update" must be 1 to 512 lowercase letters, digits or underscores'],
    ['a gap in the parameters', [...BASE, '--body', 'Hi {{1}}, see {{3}}', '--example', 'a', '--example', 'b'], 'parameters must be numbered 1 to 2 without gaps; seen {{1}} {{3}}'],
    ['parameters out of order', [...BASE, '--body', 'Hi {{2}}, see {{1}}', '--example', 'a', '--example', 'b'], 'parameters must first appear in order {{1}}, {{2}}…; seen {{2}} {{1}}'],
    ['no example values', [...BASE, '--body', 'Hi {{1}}'], 'the body has 1 parameter(s): give one example value for each (--example, in order)'],
    ['too few example values', [...BASE, '--body', 'Hi {{1}} {{2}}', '--example', 'a'], 'the body has 2 parameter(s) but 1 example value(s)'],
    ['a named parameter', [...BASE, '--body', 'Hi {{first_name}}', '--example', 'a'], 'the parameter {{first_name}} is named; ycp supports numbered parameters'],
    ['a header over 60 characters', [...BASE, '--body', 'Hi', '--header-text', 'x'.repeat(61)], 'the header is longer than 60 characters'],
    ['a header parameter without example', [...BASE, '--body', 'Hi', '--header-text', 'Order {{1}}'], 'the header has a parameter: give its example value (--header-example)'],
    ['a footer with a parameter', [...BASE, '--body', 'Hi', '--footer', 'Bye {{1}}'], 'a footer cannot have parameters'],
    ['three URL buttons', [...BASE, '--body', 'Hi', '--button', 'URL:a:https://a.example', '--button', 'URL:b:https://b.example', '--button', 'URL:c:https://c.example'], 'at most 2 URL button(s)'],
    ['a button text over 25 characters', [...BASE, '--body', 'Hi', '--button', `QUICK_REPLY:${'y'.repeat(26)}`], 'the text of button 1 is longer than 25 characters'],
    ['a body over 1024 characters', [...BASE, '--body', 'z'.repeat(1025)], 'the body is 1025 characters; at most 1024'],
  ];
  test.each(cases)('%s', async (_what, argv, reason) => {
    t = createTestCtx();
    expect(await t.run(argv)).toBe(2);
    expect(t.stderr()).toMatch(/^error: template .+ would be rejected: /);
    expect(t.stderr()).toContain(reason);
    expect(t.stderr()).toContain('hint: nothing was sent; fix the template and run the command again\n');
    expect(t.api.requests).toEqual([]);
  });

  test.each([
    ['a missing flag', ['template', 'create', '--waba', WABA_ID, '--name', 'x', '--language', 'en', '--body', 'Hi'], 'error: --category is required (or give the whole template with --file)\n'],
    ['--file with template flags', ['template', 'create', '--waba', WABA_ID, '--file', 'x.json', '--body', 'Hi'], 'error: --file gives the whole template: leave out --name, --body and the other template flags\n'],
    ['a button without its type', [...BASE, '--body', 'Hi', '--button', 'Click me'], 'error: --button "Click me" is not TYPE:text[:value]\n'],
    ['a WABA that is not digits', ['template', 'create', '--waba', 'acme', '--name', 'x', '--language', 'en', '--category', 'UTILITY', '--body', 'Hi'], 'error: WABA ID must be a string of digits, got "acme"\n'],
  ])('%s', async (_what, argv, first) => {
    t = createTestCtx();
    expect(await t.run(argv)).toBe(2);
    expect(t.stderr().startsWith(first)).toBe(true);
    expect(t.api.requests).toEqual([]);
  });

  test('a file that is not a template, or YAML that turns a phone number into a number', async () => {
    t = createTestCtx();
    expect(await t.run(['template', 'create', '--waba', WABA_ID, '--file', file('bad.yaml', 'name: [unclosed\n')])).toBe(2);
    expect(t.stderr()).toMatch(/^error: .*bad\.yaml is not valid JSON or YAML: /);
    t.verify();
    t.dispose();
    t = createTestCtx();
    const yaml = file('phone.yaml', 'name: call_us\nlanguage: en\ncategory: UTILITY\ncomponents:\n  - {type: BODY, text: Call us}\n  - {type: BUTTONS, buttons: [{type: PHONE_NUMBER, text: Call, phone_number: +15550001111}]}\n');
    expect(await t.run(['template', 'create', '--waba', WABA_ID, '--file', yaml, '--json'])).toBe(2);
    expect(JSON.parse(t.stdout()).error.details.problems).toEqual(['button 1 needs a phone number such as +15550001111', '/components/1/buttons/0/phone_number: must be of type string']);
    expect(t.api.requests).toEqual([]);
  });

  test('an unknown category is refused by the enum table before anything else, naming the choices', async () => {
    t = createTestCtx();
    expect(await t.run(['template', 'create', '--waba', WABA_ID, '--name', 'x', '--language', 'en', '--category', 'promo', '--body', 'Hi'])).toBe(2);
    expect(t.stderr()).toContain("argument 'promo' is invalid. Allowed choices are MARKETING, UTILITY, AUTHENTICATION.");
    expect(t.api.requests).toEqual([]);
  });

  test('in Chinese', async () => {
    t = createTestCtx({ env: { YCP_LANG: 'zh-CN' } });
    expect(await t.run([...BASE, '--body', 'Hi {{1}}'])).toBe(2);
    expect(t.stderr()).toBe('错误：模板 order_update (en_US) 会被拒绝：正文有 1 个参数：请为每个参数提供示例值（按顺序使用 --example）\n提示：未发送任何请求；请修改模板后重新运行命令\n');
  });
});

describe('template create --wait', () => {
  const GET = `/whatsapp/templates/${WABA_ID}/order_update/en_US`;
  test('follows the review to APPROVED: NDJSON under --json', async () => {
    t = createTestCtx();
    t.api.on('POST', '/whatsapp/templates').reply(200, PENDING);
    t.api.on('GET', GET).reply(200, PENDING);
    t.api.on('GET', GET).reply(200, { ...PENDING, status: 'APPROVED' });
    expect(await t.run([...BASE, '--body', 'Hi {{1}}, order {{2}} shipped.', '--example', 'Ana', '--example', 'A-1', '--wait', '--json'])).toBe(0);
    const lines = t.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['created', 'poll', 'poll', 'poll', 'done']);
    expect(lines.at(-1)).toMatchObject({ status: 'APPROVED', polls: 3 });
    expect(t.clock.elapsed()).toBe(20_000);
  });

  test('a rejection ends the wait at once: exit 3 with Meta\'s reason', async () => {
    t = createTestCtx();
    t.api.on('POST', '/whatsapp/templates').reply(200, PENDING);
    t.api.on('GET', GET).reply(200, { ...PENDING, status: 'REJECTED', reason: 'INVALID_FORMAT' });
    expect(await t.run([...BASE, '--body', 'Hi {{1}}, order {{2}} shipped.', '--example', 'Ana', '--example', 'A-1', '--wait', 'APPROVED'])).toBe(3);
    expect(t.stderr()).toContain("error: order_update (en_US) is REJECTED (Meta's reason: INVALID_FORMAT): it will not become APPROVED on its own\ncode: REJECTED\n");
  });
});
