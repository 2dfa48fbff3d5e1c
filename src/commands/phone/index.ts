import { Option, type Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { PHONE_STATUSES } from '../../core/api/types.js';
import { durationArg } from '../args.js';
import { act } from '../shared.js';
import { registerPhoneDisplayName } from './display-name/index.js';
import { registerPhoneProfile } from './profile/index.js';

export function registerPhone(program: Command, ctx: Ctx): void {
  const phone = program.command('phone').alias('phones').description('Business phone numbers');
  phone
    .command('list')
    .description('Numbers and their status')
    .option('--waba <wabaId>', 'only numbers of this WABA')
    .addOption(new Option('--status <status>', 'only numbers in this status (filtered here: the API has no such filter)').choices(PHONE_STATUSES))
    .action(act(ctx, async (c, o) => (await import('./list.js')).phoneList(c, o)));
  phone
    .command('get <wabaId> <phone>')
    .description('One number; <phone> is a phone-number ID or an E.164 number')
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./get.js')).phoneGet(c, { ...o, wabaId, phone: p })));
  phone
    .command('register <wabaId> <phone>')
    .description('Register a number once (never retried: 10 tries per 72 h); skips a CONNECTED number')
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./register.js')).phoneRegister(c, { ...o, wabaId, phone: p })));
  phone
    .command('wait <wabaId> <phone>')
    .description('Poll until a number reaches a status (exit 3 on timeout or a status that cannot get there)')
    .addOption(new Option('--for <status>', 'status to wait for').choices(PHONE_STATUSES).default('CONNECTED'))
    .addOption(new Option('--timeout <duration>', 'give up after this long, requests included').argParser(durationArg).default(600_000, '10m'))
    .addOption(new Option('--interval <duration>', 'time between checks').argParser(durationArg).default(5_000, '5s'))
    .action(act(ctx, async (c, o, wabaId: string, p: string) => (await import('./wait.js')).phoneWait(c, { ...o, wabaId, phone: p })));
  phone
    .command('check [phones...]')
    .description('CI gate: exit 3 unless every selected number is in the expected status')
    .option('--waba <wabaId>', 'only numbers of this WABA')
    .addOption(new Option('--expect <status>', 'the status every number must have').choices(PHONE_STATUSES).default('CONNECTED'))
    .action(act(ctx, async (c, o, phones: string[]) => (await import('./check.js')).phoneCheck(c, { ...o, phones })));
  registerPhoneProfile(phone, ctx);
  registerPhoneDisplayName(phone, ctx);
}
