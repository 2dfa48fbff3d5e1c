import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { collectArg, durationOption, enumOption } from '../args.js';
import { act, examples } from '../shared.js';

const SEND = 'ycp message send --from +15550001111 --to +15550002222';

export function registerMessage(program: Command, ctx: Ctx): void {
  const message = program
    .command('message')
    .alias('messages')
    .description('Send and inspect WhatsApp messages')
    .addHelpText('after', examples([`${SEND} --text "Hello"`, 'ycp message get 65e1c6d2a4b1c20f3e7d9a01']));
  message
    .command('send')
    .description('Send a test message (never retried automatically: a resend is a new message)')
    .requiredOption('--from <e164>', 'your business number, E.164')
    .requiredOption('--to <e164>', 'the recipient, E.164')
    .option('--text <body>', 'a text message (only inside the 24 h customer-service window)')
    .option('--template <name>', 'an APPROVED template name')
    .option('--language <code>', 'template language, e.g. en or en_US')
    .option('--param <value>', 'template body parameter, in order (repeatable)', collectArg, [])
    .option('--direct', 'use sendDirectly (synchronous submit to Meta)')
    .addOption(enumOption('--wait [status]', 'follow the status until it is reached', 'messageWaitStatus').preset('delivered'))
    .addOption(durationOption('--timeout <duration>', 'with --wait: give up after this long, the send included', '2m'))
    .addOption(durationOption('--interval <duration>', 'with --wait: time between checks', '2s'))
    .option('--external-id <id>', 'your correlation ID (no idempotency)')
    .addHelpText(
      'after',
      examples([`${SEND} --text "Hello"`, `${SEND} --template order_update --language en_US --param 1234 --wait`, `${SEND} --text "Hi" --wait read --timeout 5m --json`]),
    )
    .action(act(ctx, async (c, o) => (await import('./send.js')).messageSend(c, o)));
  message
    .command('get')
    .argument('<id>', 'the message ID that `message send` printed')
    .description('One message and its status')
    .addHelpText('after', examples(['ycp message get 65e1c6d2a4b1c20f3e7d9a01', 'ycp message get 65e1c6d2a4b1c20f3e7d9a01 --json']))
    .action(act(ctx, async (c, o, id: string) => (await import('./get.js')).messageGet(c, { ...o, id })));
}
