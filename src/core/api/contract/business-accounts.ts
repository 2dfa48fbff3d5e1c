// WhatsApp Business Accounts (CONTRACT §6): `WhatsappBusinessAccount` of the official spec and its enums.
// No field is required: a WABA in a webhook payload may carry only a few of them.
import { type JsonSchema, arrayOf, bool, dateTime, pageOf, ref, str, strEnum } from './schema.js';

export const businessAccountSchemas = {
  WhatsappBusinessAccount: {
    type: 'object',
    properties: {
      id: str,
      name: str,
      currency: str,
      messageTemplateNamespace: str,
      accountReviewStatus: ref('WhatsappBusinessAccountReviewStatus'),
      businessId: str,
      businessName: str,
      // The spec documents a default of APPROVED in prose; the schema has none.
      businessStatus: str,
      businessVerificationStatus: ref('MetaBusinessAccountVerificationStatus'),
      country: str,
      ownershipType: str,
      /** False blocks paid messaging: checked after signup (CONTRACT §16). */
      paymentMethodAttached: bool,
      primaryFundingId: str,
      purchaseOrderNumber: str,
      timezoneId: str,
      decision: ref('WhatsappReviewDecision'),
      // The docs also name BUSINESS_CAPABILITY_UPDATE, which the spec's enum lacks (CONTRACT §6).
      updateEvent: ref('WhatsappBusinessAccountUpdateEventEnum'),
      banState: ref('WhatsappBusinessAccountBanState'),
      banDate: str,
      violationType: str,
      restrictions: arrayOf(ref('WhatsappBusinessAccountRestrictionInfo')),
      authIntlRateEligibilityCountries: arrayOf(ref('WhatsappAuthIntlRateEligibilityCountry')),
      primaryBusinessLocation: str,
      whatsappBusinessManagerMessagingLimit: str,
      removedReason: str,
      removedInitiatedBy: str,
      removedTime: dateTime,
    },
  },

  WhatsappBusinessAccountPage: pageOf('WhatsappBusinessAccount'),

  WhatsappBusinessAccountReviewStatus: strEnum('PENDING', 'APPROVED', 'REJECTED'),
  MetaBusinessAccountVerificationStatus: strEnum(
    'expired', 'failed', 'ineligible', 'not_verified', 'pending', 'pending_need_more_info', 'pending_submission',
    'rejected', 'revoked', 'verified',
  ),
  /** Shared with phone numbers (`WhatsappPhoneNumber.decision`). */
  WhatsappReviewDecision: strEnum('APPROVED', 'REJECTED', 'DEFERRED'),
  WhatsappBusinessAccountUpdateEventEnum: strEnum(
    'DISABLED_UPDATE', 'ACCOUNT_RESTRICTION', 'ACCOUNT_VIOLATION', 'PARTNER_REMOVED', 'PARTNER_APP_UNINSTALLED',
    'AUTH_INTL_PRICE_ELIGIBILITY_UPDATE', 'BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE',
  ),
  WhatsappBusinessAccountBanState: strEnum('SCHEDULE_FOR_DISABLE', 'DISABLE', 'REINSTATE'),

  WhatsappBusinessAccountRestrictionInfo: {
    type: 'object',
    properties: {
      restrictionType: strEnum(
        'RESTRICTED_ADD_PHONE_NUMBER_ACTION', 'RESTRICTED_BIZ_INITIATED_MESSAGING', 'RESTRICTED_CUSTOMER_INITIATED_MESSAGING',
      ),
      expiration: dateTime,
    },
  },
  WhatsappAuthIntlRateEligibilityCountry: { type: 'object', properties: { countryCode: str, startTime: dateTime } },
} satisfies Record<string, JsonSchema>;
