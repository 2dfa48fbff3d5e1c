import type { Command } from 'commander';
import type { Ctx } from '../../../core/context.js';
import { collectArg, opts } from '../../shared.js';

export function registerWebhookEndpoint(webhook: Command, ctx: Ctx): void {
  const ep = webhook.command('endpoint').alias('endpoints').description('Manage YCloud webhook endpoints');
  ep.command('list')
    .description('Webhook endpoints of this account (secrets masked)')
    .option('--show-secret', 'show secrets in full')
    .action(async (_o, cmd: Command) => (await import('./list.js')).webhookEndpointList(ctx, opts(cmd)));
  ep.command('create <url>')
    .description('Create an endpoint (default events: every whatsapp.* type)')
    .option('--events <types>', 'comma-separated event types')
    .option('--event <type>', 'one event type (repeatable)', collectArg)
    .option('--description <text>', 'description (max 400 characters)')
    .option('--show-secret', 'show the new secret in full')
    .action(async (url: string, _o, cmd: Command) => (await import('./create.js')).webhookEndpointCreate(ctx, { ...opts(cmd), url }));
  ep.command('delete <id>')
    .description('Delete an endpoint (asks on a TTY; --yes otherwise)')
    .action(async (id: string, _o, cmd: Command) => (await import('./delete.js')).webhookEndpointDelete(ctx, { ...opts(cmd), id }));
  ep.command('rotate-secret <id>')
    .description('Issue a new signing secret (the old one may stop working at once)')
    .option('--show-secret', 'show the new secret in full')
    .action(async (id: string, _o, cmd: Command) => (await import('./rotate-secret.js')).webhookEndpointRotateSecret(ctx, { ...opts(cmd), id }));
}
