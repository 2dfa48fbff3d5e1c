import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { collectArg, durationOption, enumOption } from '../args.js';
import { act, examples } from '../shared.js';

const W = '104996844321234';
const WABA = 'the WABA ID (digits)';
const NAME = 'the template name';
const LANGUAGE = 'the language code, e.g. en_US';

export function registerTemplate(program: Command, ctx: Ctx): void {
  const template = program.command('template').alias('templates').description('Message templates');
  template.addHelpText('after', examples([`ycp template list --waba ${W}`, `ycp template check --waba ${W} --json`]));
  template
    .command('list')
    .description('Templates, optionally filtered')
    .option('--waba <wabaId>', 'only templates of this WABA')
    .option('--status <status>', 'e.g. APPROVED, or APPROVED,PAUSED')
    .option('--name <name>', 'template name')
    .option('--language <code>', 'language code, e.g. en_US')
    .addHelpText('after', examples([`ycp template list --waba ${W} --status APPROVED`, 'ycp template list --name order_update --json']))
    .action(act(ctx, async (c, o) => (await import('./list.js')).templateList(c, o)));
  const create = template
    .command('create')
    .description('Submit a template for review, checked locally first (exit 2 and nothing sent when Meta would reject it)')
    .requiredOption('--waba <wabaId>', 'the WABA that owns it')
    .option('--file <file>', 'the whole template as JSON or YAML (the create request of the API)')
    .option('--name <name>', 'lowercase letters, digits and _')
    .option('--language <code>', 'e.g. en_US, zh_CN')
    .addOption(enumOption('--category <category>', 'the template category', 'templateCategory'));
  bodyOptions(create)
    .option('--wait [status]', 'then follow the review until this status (default APPROVED); exit 3 if it is rejected')
    .addOption(durationOption('--timeout <duration>', 'with --wait: give up after this long', '30m'))
    .addOption(durationOption('--interval <duration>', 'with --wait: time between checks', '10s'))
    .addHelpText('after', examples([
      `ycp template create --waba ${W} --name order_update --language en_US --category UTILITY --body 'Hi {{1}}, order {{2}} shipped.' --example Ana --example A-1001`,
      `ycp template create --waba ${W} --file order_update.yaml --wait APPROVED --timeout 2h`,
      `ycp template create --waba ${W} --name promo --language en --category MARKETING --body 'Spring sale!' --button 'URL:Shop:https://shop.example.com'`,
    ]))
    .action(act(ctx, async (c, o) => (await import('./create.js')).templateCreate(c, o)));
  template
    .command('get')
    .argument('<wabaId>', WABA)
    .argument('<name>', NAME)
    .argument('<language>', LANGUAGE)
    .description('One template: status, category, Meta\'s rejection reason')
    .addHelpText('after', examples([`ycp template get ${W} order_update en_US`, `ycp template get ${W} order_update zh_CN --json`]))
    .action(act(ctx, async (c, o, wabaId: string, name: string, language: string) => (await import('./get.js')).templateGet(c, { ...o, wabaId, name, language })));
  const edit = template
    .command('edit')
    .argument('<wabaId>', WABA)
    .argument('<name>', NAME)
    .argument('<language>', LANGUAGE)
    .description('Replace the components of a template (the API edits components only; every component must be given)')
    .option('--file <file>', 'JSON or YAML with `components` (and optionally messageSendTtlSeconds)');
  bodyOptions(edit)
    .addHelpText('after', examples([`ycp template edit ${W} order_update en_US --body 'Hi {{1}}, order {{2}} is on its way.' --example Ana --example A-1001`, `ycp template edit ${W} order_update en_US --file order_update.yaml`]))
    .action(act(ctx, async (c, o, wabaId: string, name: string, language: string) => (await import('./edit.js')).templateEdit(c, { ...o, wabaId, name, language })));
  template
    .command('delete')
    .argument('<wabaId>', WABA)
    .argument('<name>', NAME)
    .argument('[language]', 'only this language (default: every language of the name)')
    .description('Delete one language of a template, or every language of the name (asks first; --yes confirms)')
    .addHelpText('after', examples([`ycp template delete ${W} old_notice en --yes`, `ycp template delete ${W} spring_sale`]))
    .action(act(ctx, async (c, o, wabaId: string, name: string, language?: string) => (await import('./delete.js')).templateDelete(c, { ...o, wabaId, name, language })));
  template
    .command('wait')
    .argument('<wabaId>', WABA)
    .argument('<name>', NAME)
    .argument('<language>', LANGUAGE)
    .description('Follow the review until a status (exit 3 on timeout, or at once when it is rejected, disabled, paused…)')
    .addOption(enumOption('--for <status>', 'status to wait for', 'templateStatus').default('APPROVED'))
    .addOption(durationOption('--timeout <duration>', 'give up after this long, requests included', '30m'))
    .addOption(durationOption('--interval <duration>', 'time between checks', '10s'))
    .addHelpText('after', examples([`ycp template wait ${W} order_update en_US`, `ycp template wait ${W} order_update en_US --timeout 2h --json`]))
    .action(act(ctx, async (c, o, wabaId: string, name: string, language: string) => (await import('./wait.js')).templateWait(c, { ...o, wabaId, name, language })));
  template
    .command('check')
    .argument('[names...]', 'only these template names (default: every template of the WABA)')
    .description('CI gate: exit 3 unless every template (or every language of each name) is in the expected status, with Meta\'s reasons')
    .requiredOption('--waba <wabaId>', 'the WABA whose templates are checked')
    .addOption(enumOption('--expect <status>', 'the status every template must have', 'templateStatus').default('APPROVED'))
    .addHelpText('after', examples([`ycp template check --waba ${W}`, `ycp template check --waba ${W} order_update hello_world --json`]))
    .action(act(ctx, async (c, o, names: string[]) => (await import('./check.js')).templateCheck(c, { ...o, names })));
}

/** The flags that build components, shared by create and edit. */
function bodyOptions(cmd: Command): Command {
  return cmd
    .option('--body <text>', 'the body; parameters are {{1}}, {{2}}… in order')
    .option('--example <value>', 'an example value for each body parameter, in order (repeatable)', collectArg)
    .option('--header-text <text>', 'a text header (at most 60 characters, one parameter)')
    .option('--header-example <value>', 'the example value of the header parameter')
    .option('--footer <text>', 'a footer (at most 60 characters, no parameters)')
    .option('--button <spec>', 'QUICK_REPLY:text, URL:text:https://…[|example], PHONE_NUMBER:text:+E164 or COPY_CODE:example (repeatable)', collectArg);
}
