import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { durationOption, enumOption } from '../args.js';
import { act, examples } from '../shared.js';
import { registerPhoneDisplayName } from './display-name/index.js';
import { registerPhoneProfile } from './profile/index.js';

const WABA = 'the WABA ID (digits)';
const PHONE = 'an E.164 number (+15550001111) or a phone-number ID (15 or more digits)';
const W = '1234567890123456';

export function registerPhone(program: Command, ctx: Ctx): void {
  const phone = program
    .command('phone')
    .alias('phones')
    .description('Business phone numbers')
    .addHelpText('after', examples([`ycp phone list --waba ${W}`, `ycp phone wait ${W} +15550001111`]));
  phone
    .command('list')
    .description('Numbers and their status')
    .option('--waba <wabaId>', 'only numbers of this WABA')
    .addOption(enumOption('--status <status>', 'only numbers in this status (filtered here: the API has no such filter)', 'phoneStatus'))
    .addHelpText('after', examples(['ycp phone list', `ycp phone list --waba ${W} --status CONNECTED`]))
    .action(act(ctx, async (c, o) => (await import('./list.js')).phoneList(c, o)));
  phone
    .command('get')
    .argument('<wabaId>', WABA)
    .argument('<phone>', PHONE)
    .description('One number and its status')
    .addHelpText('after', examples([`ycp phone get ${W} +15550001111`, `ycp phone get ${W} 1098765432109876 --json`]))
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./get.js')).phoneGet(c, { ...o, wabaId, phone: p })));
  phone
    .command('register')
    .argument('<wabaId>', WABA)
    .argument('<phone>', PHONE)
    .description('Register a number once (never retried: 10 tries per 72 h); skips a CONNECTED number')
    .addHelpText('after', examples([`ycp phone register ${W} +15550001111`, `ycp phone register ${W} +15550001111 --yes --json`]))
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./register.js')).phoneRegister(c, { ...o, wabaId, phone: p })));
  phone
    .command('wait')
    .argument('<wabaId>', WABA)
    .argument('<phone>', PHONE)
    .description('Poll until a number reaches a status (exit 3 on timeout or a status that cannot get there)')
    .addOption(enumOption('--for <status>', 'status to wait for', 'phoneStatus').default('CONNECTED'))
    .addOption(durationOption('--timeout <duration>', 'give up after this long, requests included', '10m'))
    .addOption(durationOption('--interval <duration>', 'time between checks', '5s'))
    .addHelpText('after', examples([`ycp phone wait ${W} +15550001111`, `ycp phone wait ${W} +15550001111 --timeout 30m --json`]))
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./wait.js')).phoneWait(c, { ...o, wabaId, phone: p })));
  phone
    .command('check')
    .argument('[phones...]', 'the numbers to check (E.164 or phone-number IDs); default: every number')
    .description('CI gate: exit 3 unless every selected number is in the expected status')
    .option('--waba <wabaId>', 'only numbers of this WABA')
    .addOption(enumOption('--expect <status>', 'the status every number must have', 'phoneStatus').default('CONNECTED'))
    .addHelpText('after', examples([`ycp phone check --waba ${W}`, 'ycp phone check +15550001111 +15550002222 --expect CONNECTED']))
    .action(act(ctx, async (c, o, phones: string[]) => (await import('./check.js')).phoneCheck(c, { ...o, phones })));
  registerPhoneProfile(phone, ctx);
  registerPhoneDisplayName(phone, ctx);
}
