import type { Command } from 'commander';
import type { Ctx } from '../../../core/context.js';
import { durationOption } from '../../args.js';
import { act, examples } from '../../shared.js';

export function registerPhoneDisplayName(phone: Command, ctx: Ctx): void {
  const dn = phone
    .command('display-name')
    .description('The display name WhatsApp users see, reviewed by Meta')
    .addHelpText('after', examples([`ycp phone display-name set 104996844321234 +15550001111 'Acme Bakery'`, `ycp phone display-name set 104996844321234 +15550001111 'Acme Bakery' --wait`]));
  dn.command('set')
    .argument('<wabaId>', 'the WABA ID (digits)')
    .argument('<phone>', 'an E.164 number (+15550001111) or a phone-number ID (15 or more digits)')
    .argument('<name>', 'the display name to request (3 to 150 characters)')
    .description('Request a new display name (3 to 150 characters); --wait follows Meta\'s review (exit 3 if declined)')
    .option('--wait', 'follow the review until the name is approved, declined or expires')
    .addOption(durationOption('--timeout <duration>', 'with --wait: give up after this long', '10m'))
    .addOption(durationOption('--interval <duration>', 'with --wait: time between checks', '10s'))
    .addHelpText('after', examples([`ycp phone display-name set 104996844321234 +15550001111 'Acme Bakery'`, `ycp phone display-name set 104996844321234 +15550001111 'Acme Bakery' --wait --timeout 1h --json`]))
    .action(act(ctx, async (c, o, wabaId: string, p: string, name: string) => (await import('./set.js')).phoneDisplayNameSet(c, { ...o, wabaId, phone: p, name })));
}
