// Phone numbers (CONTRACT §7, §8): `WhatsappPhoneNumber`, its profile, display name and settings.
// No field of WhatsappPhoneNumber is required.
//
// Spec quirk: the official example of WhatsappPhoneNumber breaks this very schema. It writes
// `phoneNumber: +16315551111` unquoted, which YAML reads as the integer 16315551111, and puts `null` in
// every enum field (status, qualityRating, codeVerificationStatus, nameStatus, …) although the spec never
// says `nullable`. E.164 numbers are strings with a leading `+` (CONTRACT §0), and null is not a value of
// any enum here: validation stays strict and the test builders are fixed instead (ARCHITECTURE §8).
// The same unquoted-E.164 habit shows in the spec's path parameter examples (`businessPhoneNumber`,
// `customer`: example 16315551111 for a string).
import { type JsonSchema, arrayOf, bool, dateTime, pageOf, ref, str, strEnum } from './schema.js';

const name: JsonSchema = { type: 'string', minLength: 3, maxLength: 150 };
const website: JsonSchema = { type: 'string', maxLength: 255 };

export const phoneNumberSchemas = {
  WhatsappPhoneNumber: {
    type: 'object',
    properties: {
      /** The phone number ID: what register takes in its `{phoneNumber}` segment (CONTRACT §8). */
      id: str,
      /** E.164, e.g. "+16315551111": what GET takes in its `{phoneNumber}` segment, `+` as %2B. */
      phoneNumber: str,
      displayPhoneNumber: str,
      wabaId: str,
      businessUsername: str,
      businessUsernameStatus: ref('WhatsappBusinessUsernameStatus'),
      requestedBusinessUsername: str,
      businessUsernameUpdatedAt: dateTime,
      qualityRating: ref('WhatsappPhoneNumberQualityRating'),
      // TIER_* values in prose; the schema says string, and so do we.
      messagingLimit: str,
      whatsappBusinessManagerMessagingLimit: str,
      verifiedName: str,
      newName: str,
      codeVerificationStatus: ref('WhatsappPhoneNumberCodeVerificationStatus'),
      isOfficialBusinessAccount: bool,
      status: ref('WhatsappPhoneNumberStatus'),
      nameStatus: ref('WhatsappPhoneNumberNameStatus'),
      newNameStatus: ref('WhatsappPhoneNumberNameStatus'),
      decision: ref('WhatsappReviewDecision'),
      requestedVerifiedName: str,
      rejectionReason: str,
      qualityUpdateEvent: ref('WhatsappPhoneNumberQualityUpdateEventEnum'),
      updateEvent: strEnum('ACCOUNT_RECONNECTED', 'ACCOUNT_OFFBOARDED'),
    },
  },

  WhatsappPhoneNumberPage: pageOf('WhatsappPhoneNumber'),

  /** CONNECTED is the goal of `phone wait`; see src/core/phone for what the others mean to ycp. */
  WhatsappPhoneNumberStatus: strEnum(
    'PENDING', 'UNVERIFIED', 'MANUAL_REVIEW', 'DISCONNECTED', 'CONNECTED', 'FLAGGED', 'WARNED', 'RATE_LIMITED',
    'BANNED', 'RESTRICTED', 'BLOCKED', 'MIGRATED', 'UNKNOWN',
  ),
  WhatsappPhoneNumberQualityRating: strEnum('GREEN', 'YELLOW', 'RED', 'UNKNOWN'),
  WhatsappPhoneNumberCodeVerificationStatus: strEnum('VERIFIED', 'NOT_VERIFIED', 'EXPIRED'),
  WhatsappPhoneNumberNameStatus: strEnum('APPROVED', 'AVAILABLE_WITHOUT_REVIEW', 'DECLINED', 'EXPIRED', 'PENDING_REVIEW', 'NONE'),
  WhatsappPhoneNumberQualityUpdateEventEnum: strEnum('ONBOARDING', 'UPGRADE', 'DOWNGRADE', 'FLAGGED', 'UNFLAGGED'),
  WhatsappBusinessUsernameStatus: strEnum('not_set', 'active', 'pending_review'),

  WhatsappPhoneNumberProfile: {
    type: 'object',
    properties: {
      about: str,
      verifiedName: str,
      nameStatus: ref('WhatsappPhoneNumberNameStatus'),
      newName: str,
      newNameStatus: ref('WhatsappPhoneNumberNameStatus'),
      address: { type: 'string', maxLength: 256 },
      description: { type: 'string', maxLength: 512 },
      email: { type: 'string', maxLength: 128 },
      profilePictureUrl: str,
      vertical: ref('WhatsappPhoneNumberProfileVertical'),
      websites: arrayOf(website, { maxItems: 2 }),
    },
  },

  WhatsappPhoneNumberProfileUpdateRequest: {
    type: 'object',
    properties: {
      about: { type: 'string', minLength: 1, maxLength: 139 },
      address: { type: 'string', maxLength: 256 },
      description: { type: 'string', maxLength: 512 },
      email: { type: 'string', maxLength: 128 },
      profilePictureUrl: str,
      vertical: ref('WhatsappPhoneNumberProfileVertical'),
      websites: arrayOf(website, { maxItems: 2 }),
    },
  },

  WhatsappPhoneNumberProfileVertical: strEnum(
    'OTHER', 'AUTO', 'BEAUTY', 'APPAREL', 'EDU', 'ENTERTAIN', 'EVENT_PLAN', 'FINANCE', 'GROCERY', 'GOVT', 'HOTEL',
    'HEALTH', 'NONPROFIT', 'PROF_SERVICES', 'RETAIL', 'TRAVEL', 'RESTAURANT',
  ),

  /** PATCH …/displayName: the new name goes to Meta's review (`newNameStatus`). */
  WhatsappPhoneNameUpdateRequest: { type: 'object', properties: { newName: name } },
  WhatsappPhoneNameUpdateResponse: {
    type: 'object',
    properties: {
      verifiedName: name,
      nameStatus: ref('WhatsappPhoneNumberNameStatus'),
      newName: name,
      newNameStatus: ref('WhatsappPhoneNumberNameStatus'),
    },
  },

  /** GET/POST …/settings: calling only (CONTRACT §4). */
  WhatsappPhoneNumberSettings: { type: 'object', properties: { calling: ref('WhatsappPhoneNumberSettings_calling') } },
  WhatsappPhoneNumberSettings_calling: {
    type: 'object',
    properties: { id: str, status: strEnum('ENABLED', 'DISABLED'), iconVisibility: strEnum('DEFAULT', 'DISABLE_ALL') },
  },
} satisfies Record<string, JsonSchema>;
