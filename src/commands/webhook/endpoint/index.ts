import type { Command } from 'commander';
import type { Ctx } from '../../../core/context.js';
import { collectArg } from '../../args.js';
import { act, examples } from '../../shared.js';

const ID = 'the endpoint ID (`webhook endpoint list` shows them)';
const EP = 'wh627c1e8f3a9b2c4d5e6f7a80';

export function registerWebhookEndpoint(webhook: Command, ctx: Ctx): void {
  const ep = webhook
    .command('endpoint')
    .alias('endpoints')
    .description('Manage YCloud webhook endpoints')
    .addHelpText('after', examples(['ycp webhook endpoint list', 'ycp webhook endpoint create https://example.com/webhooks/ycloud']));
  ep.command('list')
    .description('Webhook endpoints of this account (secrets masked)')
    .option('--show-secret', 'show secrets in full')
    .addHelpText('after', examples(['ycp webhook endpoint list', 'ycp webhook endpoint list --json']))
    .action(act(ctx, async (c, o) => (await import('./list.js')).webhookEndpointList(c, o)));
  ep.command('show')
    .argument('<id>', ID)
    .description('One endpoint, its secret masked (--show-secret prints it in full for your app)')
    .option('--show-secret', 'show the secret in full')
    .addHelpText('after', examples([`ycp webhook endpoint show ${EP}`, `ycp webhook endpoint show ${EP} --show-secret --json`]))
    .action(act(ctx, async (c, o, id: string) => (await import('./show.js')).webhookEndpointShow(c, { ...o, id })));
  ep.command('create')
    .argument('<url>', 'the https URL YCloud delivers to')
    .description('Create an endpoint (default events: every whatsapp.* type)')
    .option('--events <types>', 'comma-separated event types')
    .option('--event <type>', 'one event type (repeatable)', collectArg)
    .option('--description <text>', 'description (max 400 characters)')
    .option('--show-secret', 'show the new secret in full')
    .addHelpText(
      'after',
      examples([
        'ycp webhook endpoint create https://example.com/webhooks/ycloud',
        'ycp webhook endpoint create https://example.com/webhooks/ycloud --event whatsapp.message.updated --description production',
      ]),
    )
    .action(act(ctx, async (c, o, url: string) => (await import('./create.js')).webhookEndpointCreate(c, { ...o, url })));
  ep.command('delete')
    .argument('<id>', ID)
    .description('Delete an endpoint (asks on a TTY; --yes otherwise)')
    .addHelpText('after', examples([`ycp webhook endpoint delete ${EP}`, `ycp webhook endpoint delete ${EP} --yes`]))
    .action(act(ctx, async (c, o, id: string) => (await import('./delete.js')).webhookEndpointDelete(c, { ...o, id })));
  ep.command('rotate-secret')
    .argument('<id>', ID)
    .description('Issue a new signing secret (the old one may stop working at once)')
    .option('--show-secret', 'show the new secret in full')
    .addHelpText('after', examples([`ycp webhook endpoint rotate-secret ${EP}`, `ycp webhook endpoint rotate-secret ${EP} --show-secret --json`]))
    .action(act(ctx, async (c, o, id: string) => (await import('./rotate-secret.js')).webhookEndpointRotateSecret(c, { ...o, id })));
}
