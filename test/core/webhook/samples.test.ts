import { describe, expect, test } from 'vitest';
import { buildEvent, EVENT_TYPES, payloadKeyOf } from '../../../src/core/webhook/event-types.js';
import { buildSampleEvent, hasPayloadSample } from '../../../src/core/webhook/samples.js';
import { contractSchema, schemaErrors } from '../../helpers/contract.js';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');

describe('trigger samples', () => {
  test.each(EVENT_TYPES.map((t) => [t]))('%s validates against the contract\'s Event', (type) => {
    const e = buildSampleEvent(type, { now: NOW });
    expect(schemaErrors('Event', e)).toEqual([]);
    expect(e).toMatchObject({ type, apiVersion: 'v2', createTime: '2026-11-26T12:00:00.000Z' });
    expect(e.id).toMatch(/^evt_ycp_[0-9a-f]{20}$/);
  });

  test('every type with a payload schema in the contract gets a payload', () => {
    const withoutSchema = EVENT_TYPES.filter((t) => !hasPayloadSample(t));
    // CONTRACT §11: these have no payload key in the pinned spec.
    expect(withoutSchema).toEqual([
      'whatsapp.smb.history',
      'whatsapp.smb.message.created',
      'whatsapp.call.connect',
      'whatsapp.call.terminate',
      'whatsapp.call.status.updated',
      'whatsapp.flow.status_change',
    ]);
  });

  test('a message.updated sample carries the status and wamid the listener summarises', () => {
    const e = buildSampleEvent('whatsapp.message.updated', { now: NOW, id: 'evt_fixed_1' });
    expect(e.whatsappMessage).toMatchObject({ status: 'delivered', wamid: expect.stringMatching(/^wamid\./) });
    expect(e.id).toBe('evt_fixed_1');
  });
});

describe('buildEvent (shared with the sandbox)', () => {
  test('every payload key is a property of the contract\'s Event, and each sample puts its payload there', () => {
    const props = Object.keys(contractSchema('Event').properties!);
    for (const type of EVENT_TYPES) {
      const key = payloadKeyOf(type);
      if (!hasPayloadSample(type)) {
        expect(key, type).toBeUndefined();
        continue;
      }
      expect(props, type).toContain(key);
      expect(Object.keys(buildSampleEvent(type, { now: NOW }))).toEqual(['id', 'type', 'apiVersion', 'createTime', key]);
    }
  });

  test('an unknown type or no payload gives the envelope only', () => {
    expect(buildEvent('whatsapp.something.new', { id: 'evt_x_000001', createTime: 'T' }, { a: 1 })).toEqual({ id: 'evt_x_000001', type: 'whatsapp.something.new', apiVersion: 'v2', createTime: 'T' });
    expect(buildEvent('whatsapp.message.updated', { id: 'evt_x_000002', createTime: 'T' })).toEqual({ id: 'evt_x_000002', type: 'whatsapp.message.updated', apiVersion: 'v2', createTime: 'T' });
  });
});
