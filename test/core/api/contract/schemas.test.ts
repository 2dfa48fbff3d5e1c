// The project's own contract (src/core/api/contract), on its own: it compiles, its operation table is
// consistent, it is strict where the spec is, and the test builders satisfy it. The comparison with
// YCloud's official spec is test/contract/official-spec.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OPERATIONS, SCHEMAS, type SchemaName } from '../../../../src/core/api/contract/index.js';
import { PHONE_STATUSES } from '../../../../src/core/api/types.js';
import { E164, aMessage, aPage, aPhoneNumber, aTemplate, aWaba, anEndpoint, anError } from '../../../helpers/builders.js';
import { contractEnum, findOperation, requestErrors, responseErrors, schemaErrors } from '../../../helpers/contract.js';

const PHONE_STATUS_ERROR =
  '/status must be equal to one of the allowed values ["PENDING","UNVERIFIED","MANUAL_REVIEW","DISCONNECTED","CONNECTED","FLAGGED","WARNED","RATE_LIMITED","BANNED","RESTRICTED","BLOCKED","MIGRATED","UNKNOWN"]';

describe('the contract compiles', () => {
  test.each(Object.keys(SCHEMAS).map((n) => [n]))('%s compiles in strict mode and every $ref resolves', (name) => {
    // Compiling is the assertion: an unknown keyword, a type-less `properties` or a dangling $ref throws.
    expect(() => schemaErrors(name as SchemaName, {})).not.toThrow();
  });

  test('every operation names only schemas that exist', () => {
    for (const op of OPERATIONS) {
      for (const name of [op.request, op.response]) {
        if (name === null || name === 'none') continue;
        expect(Object.keys(SCHEMAS), `${op.operationId}: ${name}`).toContain(name.replace(/\[\]$/, ''));
      }
    }
  });
});

describe('the operation table', () => {
  test('has every operation of API v2: 87 operations on 63 paths, each method+path and operationId once', () => {
    expect(OPERATIONS).toHaveLength(87);
    expect(new Set(OPERATIONS.map((o) => o.path)).size).toBe(63);
    expect(new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`)).size).toBe(87);
    expect(new Set(OPERATIONS.map((o) => o.operationId)).size).toBe(87);
  });

  test('every operation ycp calls has a schema for its body and its answer', () => {
    const used = [
      'balance-retrieve', 'webhook_endpoint-list', 'webhook_endpoint-create', 'webhook_endpoint-retrieve', 'webhook_endpoint-update',
      'webhook_endpoint-delete', 'webhook_endpoint-rotate-secret', 'whatsapp_business_account-list', 'whatsapp_business_account-retrieve',
      'whatsapp_phone_number-list', 'whatsapp_phone_number-retrieve', 'whatsapp_phone_number-register', 'whatsapp_message-send',
      'whatsapp_message-send-directly', 'whatsapp_message-retrieve', 'whatsapp_template-list',
    ];
    for (const id of used) {
      const op = OPERATIONS.find((o) => o.operationId === id)!;
      expect(op, id).toBeDefined();
      expect([op.request, op.response], id).not.toContain(null);
    }
  });

  test('an operation we wrote no schema for says so (unsubscribers list: `ycp api` shows "no schema")', () => {
    expect(OPERATIONS.find((o) => o.operationId === 'unsubscriber-list')).toEqual({
      method: 'GET', path: '/unsubscribers', operationId: 'unsubscriber-list', request: 'none', response: null,
    });
    expect(responseErrors('GET', '/unsubscribers', 200, aPage([]))).toEqual([
      'GET /unsubscribers (unsubscriber-list): the contract has no response schema; write one',
    ]);
  });

  test('operations are found for concrete paths, E.164 encoded, the most literal template first', () => {
    expect(findOperation('GET', '/v2/whatsapp/phoneNumbers/123/%2B15550001111')?.template).toBe('/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}');
    expect(findOperation('POST', '/whatsapp/phoneNumbers/123/456/register')?.template).toBe('/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/register');
    expect(findOperation('GET', '/contact/contacts/attributes')?.op.operationId).toBe('contact-attributes-list');
    expect(findOperation('GET', '/contact/contacts/1693364594105000026')?.op.operationId).toBe('contact-retrieve');
    expect(findOperation('GET', '/whatsapp/templates?filter.wabaId=1')?.op.operationId).toBe('whatsapp_template-list');
    expect(findOperation('PUT', '/balance')).toBeUndefined();
    expect(findOperation('GET', '/whatsapp/nothing')).toBeUndefined();
  });

  test('the contract is not in the start-up bundle: `ycp --help` never loads it', () => {
    for (const file of ['ycp.js', 'main.js']) {
      const entry = readFileSync(new URL(`../../../../dist/${file}`, import.meta.url), 'utf8');
      expect(entry).not.toContain('whatsapp_phone_number-update-displayName');
      expect(entry).not.toContain('WhatsappPhoneNumberProfileVertical');
    }
  });
});

describe('strict where the spec is', () => {
  test('a phone number like the spec\'s own example (numeric E.164, null enums) is rejected', () => {
    // The official example is unusable as a fixture (see phone-numbers.ts): E.164 read as a number and
    // null in enum fields. Our schema rejects both; our builders send strings and leave absent fields out.
    const likeTheSpecExample = aPhoneNumber({
      phoneNumber: 15550001111 as never, status: null as never, qualityRating: null as never, codeVerificationStatus: null as never,
    });
    const errors = schemaErrors('WhatsappPhoneNumber', likeTheSpecExample);
    expect(errors).toEqual(expect.arrayContaining(['/phoneNumber must be string', '/status must be string', PHONE_STATUS_ERROR]));
    expect(errors.filter((e) => e.startsWith('/qualityRating'))).toHaveLength(2);
    expect(errors.filter((e) => e.startsWith('/codeVerificationStatus'))).toHaveLength(2);
  });

  test('the same number with those bugs fixed validates', () => {
    expect(schemaErrors('WhatsappPhoneNumber', aPhoneNumber({ phoneNumber: E164 }))).toEqual([]);
    expect(schemaErrors('WhatsappPhoneNumber', { phoneNumber: E164 })).toEqual([]); // nothing is required
  });

  test('null is rejected wherever the contract does not allow it', () => {
    expect(schemaErrors('WhatsappPhoneNumber', aPhoneNumber({ status: null as never }))).toEqual(['/status must be string', PHONE_STATUS_ERROR]);
    expect(schemaErrors('WhatsappBusinessAccount', aWaba({ accountReviewStatus: null as never }))).not.toEqual([]);
    expect(schemaErrors('WebhookEndpoint', anEndpoint({ status: null as never }))).not.toEqual([]);
  });

  test('required fields, formats and limits are enforced', () => {
    expect(schemaErrors('WhatsappMessage', { id: 'm1', from: E164 })).toEqual(["(root) must have required property 'wabaId'"]);
    expect(schemaErrors('WebhookEndpoint', anEndpoint({ createTime: 'yesterday' }))).toEqual(['/createTime must match format "date-time"']);
    expect(schemaErrors('WebhookEndpointCreateRequest', { url: `https://x.example/${'a'.repeat(500)}`, enabledEvents: ['whatsapp.message.updated'] }))
      .toEqual(['/url must NOT have more than 500 characters']);
    expect(schemaErrors('WebhookEndpointCreateRequest', { url: 'https://x.example', enabledEvents: ['whatsapp.nope'] })).toEqual([
      expect.stringMatching(/^\/enabledEvents\/0 must be equal to one of the allowed values/),
    ]);
    expect(schemaErrors('Event', { id: 'evt_1', type: 'whatsapp.message.updated', apiVersion: 'v2', createTime: '2026-11-26T12:00:00.000Z' }))
      .toEqual(['/id must NOT have fewer than 6 characters']);
    expect(schemaErrors('Page', { offset: 0, limit: 0, length: 0, items: [] })).toEqual(['/limit must be >= 1']);
  });

  test('template names: the spec\'s unanchored pattern rejects only names without a-z or 0-9', () => {
    expect(schemaErrors('WhatsappTemplate', aTemplate({ name: 'order_update' }))).toEqual([]);
    expect(schemaErrors('WhatsappTemplate', aTemplate({ name: '___' }))).toEqual(['/name must match pattern "[a-z0-9]{1,512}"']);
  });

  test('the unsubscribe payloads require an `id` the spec does not declare', () => {
    expect(schemaErrors('ContactUnsubscribeCreated', { phoneNumber: E164, source: 'API' })).toEqual(["(root) must have required property 'id'"]);
    expect(schemaErrors('ContactUnsubscribeCreated', { id: '1824266594102060001', phoneNumber: E164, source: 'API' })).toEqual([]);
  });

  test('request bodies are checked: register takes none, send needs from and type', () => {
    expect(requestErrors('POST', '/whatsapp/phoneNumbers/1/2/register', undefined)).toEqual([]);
    expect(requestErrors('POST', '/whatsapp/phoneNumbers/1/2/register', { pin: '123456' })).toEqual([
      'POST /whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/register takes no body',
    ]);
    expect(requestErrors('POST', '/whatsapp/messages', { to: '+15550001111' })).toEqual([
      "request POST /whatsapp/messages: (root) must have required property 'from'",
      "request POST /whatsapp/messages: (root) must have required property 'type'",
    ]);
    expect(requestErrors('POST', '/whatsapp/messages', { from: E164, to: '+15550002222', type: 'text', text: { body: 'hi', preview_url: false } })).toEqual([]);
  });

  test('error answers are checked against ErrorResponse', () => {
    expect(responseErrors('GET', '/balance', 401, anError(401, 'UNAUTHORIZED'))).toEqual([]);
    expect(responseErrors('GET', '/balance', 401, { message: 'no' })).toEqual(["error response 401: (root) must have required property 'error'"]);
  });
});

describe('fixtures and runtime lists agree with the contract', () => {
  test('our builders satisfy the schemas', () => {
    expect(schemaErrors('WhatsappBusinessAccount', aWaba())).toEqual([]);
    expect(schemaErrors('WhatsappPhoneNumber', aPhoneNumber())).toEqual([]);
    expect(schemaErrors('WhatsappMessage', aMessage())).toEqual([]);
    expect(schemaErrors('WhatsappTemplate', aTemplate())).toEqual([]);
    expect(schemaErrors('WebhookEndpoint', anEndpoint())).toEqual([]);
    expect(schemaErrors('ErrorResponse', anError(404, 'NOT_FOUND'))).toEqual([]);
    expect(responseErrors('GET', '/whatsapp/phoneNumbers', 200, aPage([aPhoneNumber()]))).toEqual([]);
    expect(responseErrors('DELETE', '/whatsapp/templates/1/order_update', 200, [aTemplate()])).toEqual([]);
  });

  test('the phone statuses ycp knows are the contract\'s enum', () => {
    expect([...PHONE_STATUSES]).toEqual(contractEnum('WhatsappPhoneNumberStatus'));
  });
});
