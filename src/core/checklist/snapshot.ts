import type { YcloudApi } from '../api/client.js';
import { YcpError, type Text } from '../errors.js';
import type { Msg } from '../../i18n/index.js';
import type { Snapshot } from './types.js';

export interface KeyInfo {
  masked?: string;
  source?: Msg;
}

/** Checks a key with a real call (CLI.md: login and init verify before saving). */
export async function checkKey(api: Pick<YcloudApi, 'call'>, info: KeyInfo): Promise<Snapshot['key']> {
  try {
    const res = await api.call<{ amount: number; currency: string }>('GET', '/balance', { what: 'check the API key' });
    return { state: 'ok', ...info, requestId: res.requestId, balance: res.body };
  } catch (err) {
    if (!(err instanceof YcpError) || err.kind === 'cancelled') throw err;
    if (err.kind === 'auth') return { state: 'rejected', ...info, requestId: err.info.requestId, reason: err.words };
    return { state: 'unreachable', ...info, requestId: err.info.requestId, reason: err.words };
  }
}

/**
 * One look at YCloud for status and the wizard's automatic checks. Every part fails on its own, so a
 * network problem shows as "not checked" instead of hiding the other facts.
 */
export async function gatherSnapshot(api: YcloudApi | undefined, info: KeyInfo, known?: Snapshot['key']): Promise<Snapshot> {
  // No key: the evidence says so (ev.keyMissing); there is no other problem to report.
  if (!api) return { key: { state: 'missing' } };
  const key = known ?? (await checkKey(api, info));
  if (key.state !== 'ok') return { key, problem: key.reason };
  const soft = async <T>(p: Promise<T>, problems: Text[]): Promise<T | undefined> => {
    try {
      return await p;
    } catch (err) {
      if (!(err instanceof YcpError) || err.kind === 'cancelled') throw err;
      problems.push(err.words); // shown in the user's language
      return undefined;
    }
  };
  const problems: Text[] = [];
  const [wabas, numbers, endpoints] = await Promise.all([
    soft(api.listWabas(), problems),
    soft(api.listPhoneNumbers(), problems),
    soft(api.listWebhookEndpoints(), problems),
  ]);
  return { key, wabas, numbers, endpoints, problem: problems[0] };
}
