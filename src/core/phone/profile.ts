// A number's business profile and display name (CONTRACT §7). The update is checked locally against the
// contract (lengths, the vertical enum, at most 2 websites) plus the website scheme CONTRACT §7 states
// (http/https), so a bad value is exit 2 and nothing is sent. A new display name goes to Meta's review:
// the spec exposes its progress as `newNameStatus` (PENDING_REVIEW → APPROVED / DECLINED / EXPIRED) on the
// profile and the number; docs/phone.md says what it does not expose.
import { validateAgainst } from '../api/contract/validate.js';
import { describeIssues } from '../api/schema-issues.js';
import type { YcloudApi } from '../api/client.js';
import type { PhoneProfile, PhoneProfileUpdate } from '../api/types.js';
import type { Clock } from '../clock.js';
import type { Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { YcpError, usageError } from '../errors.js';
import { pollUntil, type Poll } from '../poll-until.js';
import { t, type Lang } from '../../i18n/index.js';

export interface ProfileFlags {
  about?: string;
  address?: string;
  description?: string;
  email?: string;
  website?: string[];
  vertical?: string;
}

/** The PATCH body from the flags, or exit 2 with every reason. */
export function profileUpdate(f: ProfileFlags, lang: Lang): PhoneProfileUpdate {
  const body: PhoneProfileUpdate = {};
  if (f.about !== undefined) body.about = f.about;
  if (f.address !== undefined) body.address = f.address;
  if (f.description !== undefined) body.description = f.description;
  if (f.email !== undefined) body.email = f.email;
  if (f.website !== undefined) body.websites = f.website;
  if (f.vertical !== undefined) body.vertical = f.vertical.toUpperCase();
  if (Object.keys(body).length === 0) throw usageError(t(lang, 'ph.nothingToSet'), t(lang, 'ph.nothingToSetHint'));
  const problems = describeIssues(lang, validateAgainst('WhatsappPhoneNumberProfileUpdateRequest', body));
  for (const w of body.websites ?? []) if (!/^https?:\/\/[^\s/]+\S*$/i.test(w)) problems.push(t(lang, 'ph.website', { url: w }));
  if (body.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) problems.push(t(lang, 'ph.email', { email: body.email }));
  if (problems.length) throw new YcpError('usage', t(lang, 'ph.invalidProfile', { problems: problems.join(t(lang, 'ph.sep')) }), { hint: t(lang, 'ph.nothingSent'), details: { problems } });
  return body;
}

/** Meta's display names: 3 to 150 characters (contract: WhatsappPhoneNameUpdateRequest). */
export function checkDisplayName(name: string, lang: Lang): string {
  const problems = describeIssues(lang, validateAgainst('WhatsappPhoneNameUpdateRequest', { newName: name }));
  if (problems.length || name.trim() !== name) throw usageError(t(lang, 'ph.badName', { name, problems: problems.join(t(lang, 'ph.sep')) || t(lang, 'ph.nameSpaces') }), t(lang, 'ph.nothingSent'));
  return name;
}

/** Statuses of a requested name that end its review. */
const APPROVED = new Set(['APPROVED', 'AVAILABLE_WITHOUT_REVIEW']);
const REFUSED = new Set(['DECLINED', 'EXPIRED']);

/**
 * Follows the review of `name`: done when the profile shows it approved (or as the verified name), exit 3 at
 * once when declined or expired (with the number's rejectionReason when YCloud sends one), exit 3 at the
 * deadline while still PENDING_REVIEW.
 */
export async function waitForDisplayName(
  ctx: { api: Pick<YcloudApi, 'getPhoneProfile' | 'getPhoneNumber'>; clock: Clock; signal: AbortSignal },
  o: { wabaId: string; e164: string; name: string; deadline: Deadline; intervalMs: number; lang: Lang; onPoll?(p: Poll<PhoneProfile>): void },
): Promise<Poll<PhoneProfile>> {
  const statusOf = (p: PhoneProfile) => (p.newName === o.name || p.newNameStatus === 'PENDING_REVIEW' ? String(p.newNameStatus ?? 'UNKNOWN') : p.verifiedName === o.name ? 'APPROVED' : String(p.newNameStatus ?? 'UNKNOWN'));
  const r = await pollUntil<PhoneProfile>({
    clock: ctx.clock,
    signal: ctx.signal,
    deadline: o.deadline,
    intervalMs: o.intervalMs,
    read: () => ctx.api.getPhoneProfile(o.wabaId, o.e164),
    status: statusOf,
    done: (p) => APPROVED.has(p.status) || REFUSED.has(p.status),
    onPoll: o.onPoll,
    stillNot: (p, cause) =>
      new YcpError('pending', t(o.lang, 'ph.nameStill', { name: o.name, status: p.status, elapsed: formatDuration(p.elapsedMs) }), {
        hint: t(o.lang, 'ph.nameWaitLonger', { waba: o.wabaId, phone: o.e164 }),
        details: { status: p.status, polls: p.polls, elapsedMs: p.elapsedMs },
        cause,
      }),
  });
  if (REFUSED.has(r.status)) {
    // The profile has no reason; the number may carry Meta's (rejectionReason, documented for the webhook).
    const n = await ctx.api.getPhoneNumber(o.wabaId, o.e164).catch(() => undefined);
    const reason = typeof n?.rejectionReason === 'string' ? n.rejectionReason : undefined;
    throw new YcpError('pending', t(o.lang, reason ? 'ph.nameRefusedReason' : 'ph.nameRefused', { name: o.name, status: r.status, reason: reason ?? '' }), {
      code: r.status,
      hint: t(o.lang, 'ph.nameRefusedHint'),
      details: { status: r.status, reason, polls: r.polls, elapsedMs: r.elapsedMs },
    });
  }
  return r;
}
