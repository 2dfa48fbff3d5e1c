import { describe, expect, test } from 'vitest';
import { checkDigits, checkE164, checkHttpUrl, parsePhoneRef } from '../../src/core/validate.js';

describe('validation', () => {
  test('IDs are digit strings, kept as strings', () => {
    expect(checkDigits('WABA ID', '0123')).toBe('0123');
    expect(() => checkDigits('WABA ID', '12a')).toThrow('WABA ID must be a string of digits, got "12a"');
    expect(() => checkDigits('WABA ID', '')).toThrow();
  });

  test('E.164 keeps its + and accepts common separators', () => {
    expect(checkE164('phone', '+1 555-000-1111')).toBe('+15550001111');
    expect(() => checkE164('phone', '15550001111')).toThrow(/E\.164/);
    expect(() => checkE164('phone', '+0555')).toThrow(/E\.164/);
    expect(() => checkE164('phone', '+1234567890123456')).toThrow(/E\.164/);
  });

  test('<phone> is an ID or an E.164 number', () => {
    expect(parsePhoneRef('1234567890123456')).toEqual({ kind: 'id', phoneNumberId: '1234567890123456' });
    expect(parsePhoneRef('+15550001111')).toEqual({ kind: 'e164', e164: '+15550001111' });
    expect(() => parsePhoneRef('phone')).toThrow(/phone-number ID/);
  });

  test('URLs', () => {
    expect(checkHttpUrl('url', 'https://a.test/x')).toBe('https://a.test/x');
    expect(() => checkHttpUrl('url', 'http://a.test', { httpsOnly: true })).toThrow(/https/);
    expect(() => checkHttpUrl('url', 'ftp://a.test')).toThrow();
    expect(() => checkHttpUrl('url', 'not a url')).toThrow(/must be a URL/);
  });
});
