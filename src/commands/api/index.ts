import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { collectArg } from '../args.js';
import { act, examples } from '../shared.js';

export function registerApi(program: Command, ctx: Ctx): void {
  program
    .command('api <path>')
    .description('Call any YCloud API operation with ycp\'s key, retries and safety (like `gh api`); checked against the contract')
    .option('-X, --method <method>', 'GET, POST, PATCH or DELETE (default: GET, or POST when there is a body)')
    .option('-f, --raw-field <key=value>', 'a string field of the body (the query of a GET); repeatable, key[sub] nests', collectArg)
    .option('-F, --field <key=value>', 'a typed field: true, false, null, numbers, @file or @- (stdin); repeatable', collectArg)
    .option('-q, --query <key=value>', 'a query parameter, e.g. filter.wabaId=123; repeatable', collectArg)
    .option('--input <file>', 'the request body from a JSON file, or - for stdin')
    .option('--paginate', 'read every page (page/limit, or cursor) and print one JSON array')
    .option('--json-lines', 'print one JSON value per line (each item with --paginate)')
    .option('-i, --include', 'print the HTTP status and response headers before the body')
    .option('--silent', 'print nothing on success')
    .addHelpText('after', examples([
      'ycp api /balance',
      'ycp api /whatsapp/templates -q filter.wabaId=104996844321234 --paginate --json-lines',
      'ycp api /unsubscribers --paginate',
      'ycp api -X PATCH /webhookEndpoints/wh123 -f status=active',
    ]))
    .action(act(ctx, async (c, o, path: string) => (await import('./request.js')).apiRequest(c, { ...o, path })));
}
