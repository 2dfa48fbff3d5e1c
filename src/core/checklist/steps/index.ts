import { accountStep, applyStep } from './account.js';
import { embeddedSignupStep, partnerSolutionStep, techProviderStep } from './meta.js';
import { firstNumberStep } from './number.js';
import { appReviewStep } from './review.js';
import { webhooksStep } from './webhooks.js';
import type { StepDef } from './step.js';

/** Steps 1–8 in the guide's order; step 9 (go live) summarises them and lives in evaluate.ts. */
export const STEPS_BEFORE_LIVE: readonly StepDef[] = [
  applyStep, accountStep, techProviderStep, partnerSolutionStep, embeddedSignupStep, firstNumberStep, webhooksStep, appReviewStep,
];
export type { StepDef };
