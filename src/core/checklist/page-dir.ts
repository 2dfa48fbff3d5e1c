// Where the Embedded Signup page lives: the folder init's step 5 records (its `embedded-signup` data),
// else ./embedded-signup. Shared by the wizard, `status` (signup evidence) and `doctor` (its version).

export const DEFAULT_PAGE_DIR = 'embedded-signup';

/** The page folder the wizard recorded in a stored profile, read without trusting its shape. */
export function recordedPageDir(profile: Readonly<Record<string, unknown>>): string | undefined {
  const init = profile.init as { steps?: Record<string, { data?: Record<string, unknown> }> } | undefined;
  const dir = init?.steps?.['embedded-signup']?.data?.pageDir;
  return typeof dir === 'string' && dir ? dir : undefined;
}
