// One table for every closed set of values a flag takes: its rows follow the project's contract, and a
// value matches in any case but comes back in the table's spelling.
import { describe, expect, test } from 'vitest';
import { ENUMS, enumValue } from '../../src/core/enums.js';
import { TUNNEL_KINDS } from '../../src/core/tunnel/tunnel.js';
import { SEED_NAMES } from '../../src/core/sandbox/index.js';
import { contractEnum } from '../helpers/contract.js';

describe('the enum table', () => {
  test.each([
    ['phoneStatus', 'WhatsappPhoneNumberStatus'],
    ['wabaReviewStatus', 'WhatsappBusinessAccountReviewStatus'],
    ['templateStatus', 'WhatsappTemplateStatus'],
    ['templateCategory', 'WhatsappTemplateCategory'],
  ] as const)('%s is the contract\'s %s', (row, schema) => {
    expect([...ENUMS[row]].sort()).toEqual([...contractEnum(schema)].sort());
  });

  test('the tunnel kinds and sandbox seeds are its rows', () => {
    expect(TUNNEL_KINDS).toEqual([...ENUMS.tunnel]);
    expect([...SEED_NAMES]).toEqual([...ENUMS.sandboxSeed]);
  });

  test('any case matches; the table\'s spelling comes back; anything else is undefined', () => {
    expect(enumValue('phoneStatus', 'connected')).toBe('CONNECTED');
    expect(enumValue('messageWaitStatus', 'READ')).toBe('read');
    expect(enumValue('wabaReviewStatus', ' approved ')).toBe('APPROVED');
    expect(enumValue('wabaReviewStatus', 'BOGUS')).toBeUndefined();
  });
});
