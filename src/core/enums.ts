// Every closed set of values a flag or argument takes, in one table (issue 14: `waba list --status BOGUS`
// went to the API while `phone list --status` was checked here). A flag built with enumOption()
// (commands/args.ts) is checked against its row before anything is sent: exit 2 naming the choices, which
// its help lists too. Matching ignores case (`--status connected`); the value reaches the handler in the
// table's spelling. Values come from the spec (CONTRACT §5–§11); YCloud may add some later, and a new one
// is one edit here. Loaded when the command tree is built: no imports.
export const ENUMS = {
  /** WhatsappPhoneNumberStatus (CONTRACT §7). */
  phoneStatus: [
    'PENDING', 'UNVERIFIED', 'MANUAL_REVIEW', 'DISCONNECTED', 'CONNECTED', 'FLAGGED', 'WARNED',
    'RATE_LIMITED', 'BANNED', 'RESTRICTED', 'BLOCKED', 'MIGRATED', 'UNKNOWN',
  ],
  /** WhatsappBusinessAccount.accountReviewStatus, the `filter.accountReviewStatus` of the WABA list (CONTRACT §6). */
  wabaReviewStatus: ['PENDING', 'APPROVED', 'REJECTED'],
  /** The message statuses a wait can stop at, in the order they are reached (CONTRACT §9). */
  messageWaitStatus: ['sent', 'delivered', 'read'],
  /** WhatsappTemplate.status (CONTRACT §10). */
  templateStatus: ['PENDING', 'REJECTED', 'APPROVED', 'PAUSED', 'DISABLED', 'ARCHIVED', 'IN_APPEAL', 'DELETED'],
  /** WhatsappTemplate.category (CONTRACT §10). */
  templateCategory: ['MARKETING', 'UTILITY', 'AUTHENTICATION'],
  /** WhatsappPhoneNumberProfile.vertical (CONTRACT §7). */
  phoneVertical: [
    'OTHER', 'AUTO', 'BEAUTY', 'APPAREL', 'EDU', 'ENTERTAIN', 'EVENT_PLAN', 'FINANCE', 'GROCERY', 'GOVT', 'HOTEL',
    'HEALTH', 'NONPROFIT', 'PROF_SERVICES', 'RETAIL', 'TRAVEL', 'RESTAURANT',
  ],
  /** How a local port is exposed over HTTPS (core/tunnel/tunnel.ts). */
  tunnel: ['auto', 'cloudflared', 'ngrok', 'none'],
  /** The sandbox's starting data (core/sandbox/seed.ts). */
  sandboxSeed: ['default', 'empty', 'large'],
  /** `ycp completion <shell>`. */
  shell: ['bash', 'zsh', 'fish'],
} as const satisfies Record<string, readonly string[]>;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N][number];

/** `input` in the table's spelling, or undefined when the row has no such value. */
export function enumValue<N extends EnumName>(name: N, input: string): EnumValue<N> | undefined {
  const v = input.trim().toLowerCase();
  return (ENUMS[name] as readonly string[]).find((c) => c.toLowerCase() === v) as EnumValue<N> | undefined;
}
