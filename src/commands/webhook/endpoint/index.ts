import type { Command } from 'commander';
import type { Ctx } from '../../../core/context.js';
import { collectArg } from '../../args.js';
import { act } from '../../shared.js';

export function registerWebhookEndpoint(webhook: Command, ctx: Ctx): void {
  const ep = webhook.command('endpoint').alias('endpoints').description('Manage YCloud webhook endpoints');
  ep.command('list')
    .description('Webhook endpoints of this account (secrets masked)')
    .option('--show-secret', 'show secrets in full')
    .action(act(ctx, async (c, o) => (await import('./list.js')).webhookEndpointList(c, o)));
  ep.command('show <id>')
    .description('One endpoint, its secret masked (--show-secret prints it in full for your app)')
    .option('--show-secret', 'show the secret in full')
    .action(act(ctx, async (c, o, id: string) => (await import('./show.js')).webhookEndpointShow(c, { ...o, id })));
  ep.command('create <url>')
    .description('Create an endpoint (default events: every whatsapp.* type)')
    .option('--events <types>', 'comma-separated event types')
    .option('--event <type>', 'one event type (repeatable)', collectArg)
    .option('--description <text>', 'description (max 400 characters)')
    .option('--show-secret', 'show the new secret in full')
    .action(act(ctx, async (c, o, url: string) => (await import('./create.js')).webhookEndpointCreate(c, { ...o, url })));
  ep.command('delete <id>')
    .description('Delete an endpoint (asks on a TTY; --yes otherwise)')
    .action(act(ctx, async (c, o, id: string) => (await import('./delete.js')).webhookEndpointDelete(c, { ...o, id })));
  ep.command('rotate-secret <id>')
    .description('Issue a new signing secret (the old one may stop working at once)')
    .option('--show-secret', 'show the new secret in full')
    .action(act(ctx, async (c, o, id: string) => (await import('./rotate-secret.js')).webhookEndpointRotateSecret(c, { ...o, id })));
}
