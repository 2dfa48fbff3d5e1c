import type { Io, Prompter, PromptBase } from '../core/context.js';
import { YcpError, usageError } from '../core/errors.js';
import { msg, t, type MsgKey } from '../i18n/index.js';

/** Every prompt names the flag that answers it; when we cannot prompt that is a usage error (exit 2). */
export function cannotPrompt(q: PromptBase): YcpError {
  return usageError(msg('cli.needFlag', { flag: q.flag }), msg('cli.needFlagHint', { flag: q.flag }));
}

/** @inquirer's own words on screen: the answer echoed after a confirm, the key help under a select. */
const KEY_ACTIONS: Record<string, MsgKey> = { navigate: 'cli.keyNavigate', select: 'cli.keySelect' };

/**
 * @inquirer/prompts drawn on stderr, reading io.stdin, cancelled by the run's signal. Loaded on first use.
 * What inquirer itself writes is said in io.lang (the confirm's "Yes"/"No" echo, the select's key help).
 */
export function createInquirerPrompter(io: Io, signal: AbortSignal): Prompter {
  // Built on the first question: touching io.stdin builds process.stdin, which a run without prompts never needs.
  let ctx: { input: NodeJS.ReadStream; output: NodeJS.WriteStream; signal: AbortSignal; clearPromptOnDone: boolean } | undefined;
  const context = () => (ctx ??= { input: io.stdin as NodeJS.ReadStream, output: io.stderr as NodeJS.WriteStream, signal, clearPromptOnDone: false });
  const lib = () => import('@inquirer/prompts');
  const guard = async <T>(q: PromptBase, fn: () => Promise<T>): Promise<T> => {
    if (!io.canPrompt) throw cannotPrompt(q);
    try {
      return await fn();
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'AbortError') {
        throw new YcpError('cancelled', msg('cli.cancelled'), { cause: err });
      }
      throw err;
    }
  };
  const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${KEY_ACTIONS[action] ? t(io.lang, KEY_ACTIONS[action]!) : action}`).join(' • ');
  return {
    input: (q) => guard(q, async () => (await lib()).input({ message: q.message, default: q.default, validate: q.validate }, context())),
    password: (q) => guard(q, async () => (await lib()).password({ message: q.message, mask: '•', validate: q.validate }, context())),
    confirm: (q) =>
      guard(q, async () =>
        (await lib()).confirm({ message: q.message, default: q.default, transformer: (yes) => t(io.lang, yes ? 'cli.answerYes' : 'cli.answerNo') }, context()),
      ),
    select: (q) =>
      guard(q, async () =>
        (await lib()).select({ message: q.message, choices: q.choices, default: q.default, theme: { style: { keysHelpTip } } }, context()),
      ) as never,
  };
}
