import type { Command } from 'commander';
import type { Ctx } from '../../../core/context.js';
import { collectArg, enumOption } from '../../args.js';
import { act, examples } from '../../shared.js';

const W = '104996844321234';
const WABA = 'the WABA ID (digits)';
const PHONE = 'an E.164 number (+15550001111) or a phone-number ID (15 or more digits)';

export function registerPhoneProfile(phone: Command, ctx: Ctx): void {
  const profile = phone
    .command('profile')
    .description('The business profile WhatsApp users see (about, address, websites…)')
    .addHelpText('after', examples([`ycp phone profile get ${W} +15550001111`, `ycp phone profile set ${W} +15550001111 --vertical RETAIL`]));
  profile
    .command('get')
    .argument('<wabaId>', WABA)
    .argument('<phone>', PHONE)
    .description('The profile of a number, with its display name and the review status of a requested one')
    .addHelpText('after', examples([`ycp phone profile get ${W} +15550001111`, `ycp phone profile get ${W} 1234567890123456 --json`]))
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./get.js')).phoneProfileGet(c, { ...o, wabaId, phone: p })));
  profile
    .command('set')
    .argument('<wabaId>', WABA)
    .argument('<phone>', PHONE)
    .description('Change fields of the profile (checked locally first: lengths, vertical, website scheme)')
    .option('--about <text>', 'the "about" line (1 to 139 characters)')
    .option('--address <text>', 'address (at most 256 characters)')
    .option('--description <text>', 'description (at most 512 characters)')
    .option('--email <address>', 'contact email (at most 128 characters)')
    .option('--website <url>', 'an http(s) website; at most 2 (repeatable; replaces the list)', collectArg)
    .addOption(enumOption('--vertical <industry>', 'the industry shown on the profile', 'phoneVertical'))
    .addHelpText('after', examples([
      `ycp phone profile set ${W} +15550001111 --about 'Fresh bread daily' --vertical RETAIL`,
      `ycp phone profile set ${W} +15550001111 --website https://acme.example --website https://shop.acme.example`,
    ]))
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./set.js')).phoneProfileSet(c, { ...o, wabaId, phone: p })));
}
