import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { TUNNEL_KINDS } from '../../core/tunnel/tunnel.js';
import { durationArg, opts } from '../shared.js';

export function registerSignup(program: Command, ctx: Ctx): void {
  const signup = program.command('signup').description('WhatsApp Embedded Signup: write the page, serve it, finish the backend flow');
  signup
    .command('scaffold')
    .description('Write the Embedded Signup page (index.html, signup.js, style.css)')
    .option('--out <dir>', 'folder to write', 'embedded-signup')
    .option('--force', 'overwrite existing files')
    .option('--app-id <id>', 'your Meta app ID (env: YCP_APP_ID)')
    .option('--config-id <id>', 'Facebook Login for Business configuration ID (env: YCP_CONFIG_ID)')
    .option('--solution-id <id>', 'Partner Solution ID (env: YCP_SOLUTION_ID)')
    .option('--graph-version <v>', 'Graph API version for FB.init (env: YCP_GRAPH_VERSION; default v25.0)')
    .option('--feature-type <type>', 'extras.featureType: only_waba_sharing, whatsapp_business_app_onboarding (omit for the standard flow)')
    .action(async (_o, cmd: Command) => (await import('./scaffold.js')).signupScaffold(ctx, opts(cmd)));
  signup
    .command('serve')
    .description('Serve the page over a tunnel, capture the signup, register the number and wait for CONNECTED')
    .option('--dir <dir>', 'folder written by `signup scaffold`', 'embedded-signup')
    .addOption(new Option('--port <port>', 'local port (default: a free one)').argParser(portArg))
    .addOption(new Option('--tunnel <kind>', 'how to expose the page over HTTPS').choices(TUNNEL_KINDS).default('auto'))
    .option('--public-url <url>', 'your own HTTPS URL that proxies to the local port (no tunnel is started)')
    .option('--domain <domain>', 'ngrok reserved domain')
    .option('--no-register', 'stop after capturing the signup (do not register or wait)')
    .option('--keep-running', 'keep serving after a signup, for more')
    .option('--open', 'open the page in your browser (never in CI)')
    .addOption(new Option('--timeout <duration>', 'how long to wait for CONNECTED after registering').argParser(durationArg).default(600_000, '10m'))
    .action(async (_o, cmd: Command) => (await import('./serve.js')).signupServe(ctx, opts(cmd)));
}

function portArg(v: string): number {
  const n = Number(v);
  if (!/^\d{1,5}$/.test(v) || n > 65535) throw new InvalidArgumentError('must be a port number, 0–65535');
  return n;
}
