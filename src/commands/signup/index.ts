import { Option, type Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { TUNNEL_KINDS } from '../../core/tunnel/tunnel.js';
import { SERVE_DEFAULTS } from '../../core/signup/serve-defaults.js';
import { durationOption, portArg, settingOption } from '../args.js';
import { act, examples } from '../shared.js';

export function registerSignup(program: Command, ctx: Ctx): void {
  const signup = program.command('signup').description('WhatsApp Embedded Signup: write the page, serve it, test your backend');
  signup.addHelpText('after', examples(['ycp signup scaffold', 'ycp signup serve', 'ycp signup trigger --to http://127.0.0.1:3000/whatsapp/signup']));
  signup
    .command('scaffold')
    .description('Write the Embedded Signup page (index.html, page.js, signup.js, style.css; the logo if given)')
    .option('--out <dir>', 'folder to write', 'embedded-signup')
    .option('--force', 'overwrite existing files')
    .addOption(settingOption('appId'))
    .addOption(settingOption('configId'))
    .addOption(settingOption('solutionId'))
    .addOption(settingOption('graphVersion', 'Graph API version for FB.init'))
    .addOption(settingOption('esVersion', 'Embedded Signup version: v4 (default), v3 or v2 (both deprecated 2026-10-15)'))
    .option('--feature-type <type>', 'whatsapp_business_app_onboarding (coexistence) or app_only_install; v2 also only_waba_sharing (omit for the standard flow)')
    .addOption(new Option('--page-lang <lang>', "the page's language (default: the browser's)").choices(['en', 'zh-CN']))
    .option('--brand-name <name>', 'your company name, shown to your customers')
    .option('--logo <file>', 'your logo (PNG, JPEG, GIF, WebP or SVG, up to 512 KiB), copied next to the page')
    .option('--brand-color <#RRGGBB>', 'primary colour of the button and accents')
    .option('--backend-url <url>', 'where the page posts the result when you host it (https): your backend')
    .option('--include-code', 'also collect the OAuth code and post it to your backend (it expires in 30 s)')
    .addHelpText('after', examples(['ycp signup scaffold', 'ycp signup scaffold --app-id 1234567890 --config-id 987654321 --solution-id 555666777 --force']))
    .action(act(ctx, async (c, o) => (await import('./scaffold.js')).signupScaffold(c, o)));
  signup
    .command('serve')
    .description('Serve the page over a tunnel, capture the signup, register the number and wait for CONNECTED')
    .option('--dir <dir>', 'folder written by `signup scaffold`', 'embedded-signup')
    .addOption(new Option('--port <port>', 'local port (default: a free one)').argParser(portArg))
    .addOption(new Option('--tunnel <kind>', 'how to expose the page over HTTPS').choices(TUNNEL_KINDS).default(SERVE_DEFAULTS.tunnel))
    .option('--public-url <url>', 'your own HTTPS URL that proxies to the local port (no tunnel is started)')
    .option('--domain <domain>', 'ngrok reserved domain')
    .option('--forward-to <url>', 'POST each captured result to your backend as the page would; it registers, ycp checks and waits')
    .option('--no-register', 'stop after capturing the signup (do not check, register or wait)')
    .option('--keep-running', 'keep serving after a signup, for more')
    .option('--open', 'open the page in your browser (never in CI)')
    .addOption(durationOption('--timeout <duration>', 'how long to wait for CONNECTED after registering', SERVE_DEFAULTS.waitTimeout))
    .addHelpText('after', examples(['ycp signup serve', 'ycp signup serve --tunnel ngrok --domain signup.example.ngrok.app', 'ycp signup serve --public-url https://dev.example.com --no-register']))
    .action(act(ctx, async (c, o) => (await import('./serve.js')).signupServe(c, o)));
  signup
    .command('trigger')
    .description("Send one sample signup result to your backend, as the page posts it (IDs from the sandbox's default seed)")
    .option('--to <url>', 'your backend endpoint, e.g. http://127.0.0.1:3000/whatsapp/signup')
    .addOption(new Option('--event <name>', 'the session event').choices(['FINISH', 'FINISH_ONLY_WABA', 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING']).default('FINISH'))
    .option('--waba <id>', 'WABA ID (default: the sandbox seed WABA 104996844321234)')
    .option('--phone-number-id <id>', 'phone-number ID (default: the seed PENDING number 1234567890123457)')
    .option('--business-id <id>', 'business ID (default: the seed business 2109876543210)')
    .option('--origin <url>', "send this Origin header, as the page's browser would")
    .addHelpText('after', examples(['ycp signup trigger --to http://127.0.0.1:3000/whatsapp/signup', 'ycp signup trigger --to http://127.0.0.1:3000/whatsapp/signup --event FINISH_ONLY_WABA']))
    .action(act(ctx, async (c, o) => (await import('./trigger.js')).signupTrigger(c, o)));
}
