import { Option, type Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { TUNNEL_KINDS } from '../../core/tunnel/tunnel.js';
import { SERVE_DEFAULTS } from '../../core/signup/serve-defaults.js';
import { formatDuration } from '../../core/duration.js';
import { durationArg, portArg, settingOption } from '../args.js';
import { act, examples } from '../shared.js';

export function registerSignup(program: Command, ctx: Ctx): void {
  const signup = program.command('signup').description('WhatsApp Embedded Signup: write the page, serve it, finish the backend flow');
  signup.addHelpText('after', examples(['ycp signup scaffold', 'ycp signup serve']));
  signup
    .command('scaffold')
    .description('Write the Embedded Signup page (index.html, signup.js, style.css)')
    .option('--out <dir>', 'folder to write', 'embedded-signup')
    .option('--force', 'overwrite existing files')
    .addOption(settingOption('appId'))
    .addOption(settingOption('configId'))
    .addOption(settingOption('solutionId'))
    .addOption(settingOption('graphVersion', 'Graph API version for FB.init'))
    .option('--feature-type <type>', 'extras.featureType: only_waba_sharing, whatsapp_business_app_onboarding (omit for the standard flow)')
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
    .option('--no-register', 'stop after capturing the signup (do not register or wait)')
    .option('--keep-running', 'keep serving after a signup, for more')
    .option('--open', 'open the page in your browser (never in CI)')
    .addOption(new Option('--timeout <duration>', 'how long to wait for CONNECTED after registering').argParser(durationArg).default(SERVE_DEFAULTS.waitTimeoutMs, formatDuration(SERVE_DEFAULTS.waitTimeoutMs)))
    .addHelpText('after', examples(['ycp signup serve', 'ycp signup serve --tunnel ngrok --domain signup.example.ngrok.app', 'ycp signup serve --public-url https://dev.example.com --no-register']))
    .action(act(ctx, async (c, o) => (await import('./serve.js')).signupServe(c, o)));
}
