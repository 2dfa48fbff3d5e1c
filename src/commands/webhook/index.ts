import { Option, type Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { collectArg, durationOption, enumOption, portArg, secondsArg } from '../args.js';
import { act, examples } from '../shared.js';
import { registerWebhookEndpoint } from './endpoint/index.js';

const APP = 'http://127.0.0.1:3000/webhooks';

export function registerWebhook(program: Command, ctx: Ctx): void {
  const webhook = program
    .command('webhook')
    .alias('webhooks')
    .description('Receive, verify, forward, send and manage YCloud webhooks')
    .addHelpText('after', examples([`ycp webhook listen --forward-to ${APP}`, 'ycp webhook endpoint list', 'ycp webhook trigger --list']));
  webhook
    .command('listen')
    .description('Create a temporary YCloud endpoint, verify every delivery, print / forward / record it; delete the endpoint on exit')
    .option('--forward-to <url>', 'POST each verified delivery (raw body) to your app, signed again with the profile\'s stable forwarding secret; YCloud gets its status')
    .option('--print-secret', 'print the forwarding secret your app verifies with, and nothing else')
    .option('--events <types>', 'comma-separated event types (default: every whatsapp.* type)')
    .addOption(enumOption('--tunnel <kind>', 'how to get a public URL', 'tunnel').default('auto'))
    .option('--public-url <url>', 'your own https URL that reaches this port (no tunnel is started)')
    .option('--domain <domain>', 'ngrok reserved domain')
    .addOption(new Option('--port <port>', 'local port (0 picks a free one)').argParser(portArg).default(0))
    .option('--output <file>', 'append each verified event as one NDJSON line, on disk before the 2xx')
    .option('--keep-endpoint', 'leave the YCloud endpoint in place on exit')
    .option('--secret <secret>', 'an extra secret to accept (repeatable), e.g. for `webhook trigger --secret`', collectArg)
    .addOption(new Option('--tolerance <seconds>', 'signature timestamp tolerance').argParser(secondsArg).default(300))
    .addOption(durationOption('--status-interval <duration>', "how often to check the endpoint's status at YCloud (0: never)", '60s'))
    .addHelpText('after', examples(['ycp webhook listen', `ycp webhook listen --forward-to ${APP}`, 'ycp webhook listen --events whatsapp.message.updated --output events.ndjson']))
    .action(act(ctx, async (c, o) => (await import('./listen.js')).webhookListen(c, o)));
  webhook
    .command('trigger')
    .argument('[eventType]', 'the event type to send, e.g. whatsapp.message.updated (see --list)')
    .description('Send a correctly signed sample event (valid against the spec) to a URL')
    .option('--to <url>', 'where to POST it, e.g. http://127.0.0.1:3000/webhooks')
    .option('--secret <secret>', 'signing secret (env: YCLOUD_WEBHOOK_SECRET; default: the forwarding secret of `listen`)')
    .option('--list', 'list the event types')
    .addHelpText('after', examples(['ycp webhook trigger --list', `ycp webhook trigger whatsapp.message.updated --to ${APP} --secret "$YCLOUD_WEBHOOK_SECRET"`]))
    .action(act(ctx, async (c, o, eventType: string | undefined) => (await import('./trigger.js')).webhookTrigger(c, { ...o, eventType })));
  webhook
    .command('replay')
    .description('Re-send events recorded by `listen --output`, re-signed with a fresh timestamp')
    .requiredOption('--from <file>', 'NDJSON file written by `listen --output`')
    .option('--id <id>', 'only this event id')
    .option('--type <type>', 'only events of this type')
    .option('--to <url>', 'where to POST them')
    .option('--secret <secret>', 'signing secret (env: YCLOUD_WEBHOOK_SECRET; default: the forwarding secret of `listen`)')
    .addHelpText('after', examples([`ycp webhook replay --from events.ndjson --to ${APP}`, `ycp webhook replay --from events.ndjson --type whatsapp.message.updated --to ${APP}`]))
    .action(act(ctx, async (c, o) => (await import('./replay.js')).webhookReplay(c, o)));
  webhook
    .command('verify')
    .description('Check one signature offline: exit 0 valid, 3 invalid (with the reason)')
    .option('--secret <secret>', 'candidate secret (repeatable, for rotation)', collectArg)
    .requiredOption('--header <value>', 'the YCloud-Signature value `t=…,s=…` (or the whole header line)')
    .option('--body-file <file>', 'the raw request body (default: stdin)')
    .addOption(new Option('--tolerance <seconds>', 'timestamp tolerance').argParser(secondsArg).default(300))
    .addOption(new Option('--now <unixSeconds>', 'check as if it were this time').argParser(secondsArg))
    .addHelpText('after', examples(['ycp webhook verify --secret "$YCLOUD_WEBHOOK_SECRET" --header "$SIGNATURE" --body-file body.json', 'ycp webhook verify --header "$SIGNATURE" < body.json']))
    .action(act(ctx, async (c, o) => (await import('./verify.js')).webhookVerify(c, o)));
  registerWebhookEndpoint(webhook, ctx);
  webhook
    .command('clean')
    .description('Delete endpoints left behind by `listen` runs that are no longer alive')
    .option('--all-hosts', 'also remove leftovers of runs on other machines, whatever their age')
    .option('--dry-run', 'only show what would be deleted')
    .addHelpText('after', examples(['ycp webhook clean --dry-run', 'ycp webhook clean', 'ycp webhook clean --all-hosts']))
    .action(act(ctx, async (c, o) => (await import('./clean.js')).webhookClean(c, o)));
}
