import type { Ctx } from '../../core/context.js';
import { SETTINGS } from '../../core/settings.js';
import { SANDBOX_PAGE_IDS, isSandboxBaseUrl } from '../../core/signup/sandbox-mode.js';
import { checkPageValues, scaffoldSignupPage } from '../../core/signup/scaffold.js';
import { isDigits } from '../../core/validate.js';
import { shellQuote } from '../../core/shell.js';
import { say, success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface SignupScaffoldOptions extends GlobalOpts {
  out: string;
  force?: boolean;
  featureType?: string;
}

const ASK: { name: 'appId' | 'configId' | 'solutionId'; message: string }[] = [
  { name: 'appId', message: 'Your Meta app ID (App Dashboard → App settings → Basic)' },
  { name: 'configId', message: 'Configuration ID (Facebook Login for Business → Configurations)' },
  { name: 'solutionId', message: 'Partner Solution ID (from the solution YCloud accepted)' },
];

export async function signupScaffold(ctx: Ctx, o: SignupScaffoldOptions): Promise<void> {
  const cfg = await ctx.config();
  const values: Record<string, string | undefined> = { graphVersion: cfg.get('graphVersion'), featureType: o.featureType };
  // flag > env > profile (saved by `ycp init`); a missing one is asked on a TTY, else exit 2 naming its flag.
  // Against the sandbox there is no Meta app yet: placeholders stand in, never a question.
  const sandbox = isSandboxBaseUrl(cfg.get('baseUrl') ?? '');
  const placeholders: string[] = [];
  for (const q of ASK) {
    const given = cfg.get(q.name);
    if (given === undefined && sandbox) placeholders.push(q.name);
    values[q.name] =
      given ??
      (sandbox ? SANDBOX_PAGE_IDS[q.name as keyof typeof SANDBOX_PAGE_IDS] : undefined) ??
      (await ctx.prompt.input({ message: q.message, flag: SETTINGS[q.name].flag, validate: (v) => isDigits(v.trim()) || 'digits only' })).trim();
  }
  const page = checkPageValues(values, placeholders);
  const r = await scaffoldSignupPage({ out: o.out, force: Boolean(o.force), values: page });
  render(ctx.io, { json: o.json }, { ...r, values: page }, () => r.files.join('\n'));
  if (o.json) return;
  success(ctx.io, `${r.overwritten.length ? 'Rewrote' : 'Wrote'} the Embedded Signup page in ${r.dir}`);
  if (placeholders.length) {
    say(ctx.io, `Sandbox mode (${cfg.get('baseUrl')}): ${placeholders.join(', ')} ${placeholders.length > 1 ? 'are placeholders' : 'is a placeholder'}. The page works against the sandbox only; \`ycp signup serve\` refuses it against the real API.
Try it now: ycp signup serve --dir ${shellQuote(o.out)}`);
    return;
  }
  say(
    ctx.io,
    [
      '',
      'Next steps:',
      `  1. Serve it over HTTPS:   ycp signup serve --dir ${shellQuote(o.out)}`,
      '     It prints the exact host to add below. A cloudflared quick tunnel gets a new host every run;',
      '     for a fixed one use --tunnel ngrok --domain YOUR.ngrok.app, or --public-url https://your.host.',
      '  2. Meta App Dashboard → Facebook Login for Business → Settings → Client OAuth settings: turn on',
      '     Client OAuth Login, Web OAuth Login, Enforce HTTPS, Embedded Browser OAuth Login,',
      '     Use Strict Mode for redirect URIs and Login with the JavaScript SDK. Then add',
      '       Allowed Domains:            the page host, e.g. abc-def.trycloudflare.com',
      '       Valid OAuth Redirect URIs:  https://<that host>/',
      '     Meta sends the WABA and phone number IDs only to pages on a listed HTTPS domain.',
      '  3. Open the page, click "Connect WhatsApp", and finish the steps: ycp then checks the WABA,',
      '     registers the number once and waits for CONNECTED.',
      `  Hosting it yourself? Copy the three files to your HTTPS site and list that exact host the same way.`,
    ].join('\n'),
  );
}
