import type { Ctx, Prompter, PromptBase, ResolvedConfig } from '../context.js';
import { YcpError } from '../errors.js';
import type { YcloudApi } from '../api/client.js';
import { apiClient } from '../api/from-ctx.js';
import { t, type Lang, type Msg, type MsgKey, type Params } from '../../i18n/index.js';
import { saveStep } from './progress.js';
import { commandLine } from '../shell.js';
import { gatherSnapshot } from './snapshot.js';
import { sourceMsg } from '../setting-source.js';
import { findSignupEvidence } from './signup-evidence.js';
import { VALUE_ITEMS, type EvalInput, type PersonItem, type Progress, type SignupEvidence, type Snapshot, type StepId, type StepRecord, type Values } from './types.js';

/** How the wizard talks to the terminal; core never prints (ARCHITECTURE §1), the command supplies these. */
export interface WizardUi {
  /** Guidance on stderr. */
  say(text: string): void;
  /** The commands the wizard offers, run in process by the command layer (never through the CLI again). */
  ports: WizardPorts;
  /** Masks a secret for display. */
  mask(secret: string): string;
  /** Makes a value stand out (bold on a colour terminal). */
  strong(text: string): string;
}

/**
 * What steps 5 and 6 offer: `ycp signup scaffold` and `ycp signup serve`, as calls. Each resolves to the
 * exit code the command would have had on its own, after its cleanups (server, tunnel) have run.
 */
export interface WizardPorts {
  scaffoldSignupPage(o: { out: string; force: boolean; appId: string; configId: string; solutionId: string }): Promise<number>;
  serveSignup(o: { dir: string }): Promise<number>;
}

export interface InitOptions {
  step?: number;
  yes?: boolean;
  json?: boolean;
  webhookUrl?: string;
  apiKeyStdin?: boolean;
  /** Where steps 5–6 write and serve the Embedded Signup page. */
  pageDir?: string;
  /** Person-only items the person confirms by flag (`--attest`); `--yes` never does. */
  attest?: PersonItem[];
}

/** The step each value is given in: its attestation is kept with that step. */
const VALUE_STEP = { appId: 'tech-provider', solutionId: 'partner-solution', configId: 'embedded-signup' } as const;

type Validate = (v: string) => MsgKey | true;

/** State and helpers shared by the nine steps: answers, progress, the live snapshot, prompts by flag. */
export class Wizard {
  readonly lang: Lang;
  readonly profile: string;
  readonly progress: Progress;
  snap: Snapshot = { key: { state: 'missing' } };
  /** A real signup through the partner's page whose WABA YCloud lists (steps 3–5 verified). */
  signup?: SignupEvidence;
  /** Person-only items a run without a terminal could not ask about: the end of the run names them. */
  readonly unattested: PersonItem[] = [];
  /** ctx.prompt, with the "cannot prompt" error (exit 2 naming the flag) in the user's language. */
  readonly prompt: Prompter;
  private apis = new Map<string, Promise<YcloudApi>>();

  constructor(
    readonly ctx: Ctx,
    readonly cfg: ResolvedConfig,
    readonly o: InitOptions,
    readonly ui: WizardUi,
    readonly values: Values,
    progress: Progress,
  ) {
    this.lang = cfg.lang;
    this.profile = cfg.profile;
    this.progress = progress;
    const guard = <Q extends PromptBase, T>(fn: (q: Q) => Promise<T>) => (q: Q): Promise<T> => {
      if (!ctx.io.canPrompt) {
        return Promise.reject(new YcpError('usage', this.tr('ui.needFlag', { flag: q.flag }), { hint: this.tr('ui.needFlagHint', { flag: q.flag }) }));
      }
      return fn(q);
    };
    const p = ctx.prompt;
    this.prompt = {
      input: guard((q) => p.input(q)),
      password: guard((q) => p.password(q)),
      confirm: guard((q) => p.confirm(q)),
      select: guard((q) => p.select(q)) as Prompter['select'],
    };
  }

  tr(key: MsgKey, params?: Params): string {
    return t(this.lang, key, params);
  }
  say(key: MsgKey, params?: Params): void {
    this.ui.say(this.tr(key, params));
  }
  line(text: string): void {
    this.ui.say(text);
  }
  rec(id: StepId): StepRecord {
    return this.progress.steps[id] ?? {};
  }
  evalInput(): EvalInput {
    return { progress: this.progress, values: this.values, snap: this.snap, webhookUrl: this.o.webhookUrl ?? this.rec('webhooks').data?.url, signup: this.signup };
  }
  now(): string {
    return new Date(this.ctx.clock.now()).toISOString();
  }

  /** Saves a step's record now: answers survive Ctrl-C from here on. */
  record(id: StepId, patch: StepRecord): void {
    saveStep(this.cfg.store, this.profile, this.progress, id, { at: this.now(), ...patch });
  }
  /** The step's live checks passed just now: the evidence to fall back on while YCloud cannot be reached. */
  verified(id: StepId): void {
    this.record(id, { verifiedAt: this.now() });
  }
  /**
   * Uses an answer from now on; writes it to the profile only when it differs from what is stored. An ID
   * given here (a flag or an answer) is the person's word: attested with when and how.
   */
  saveSetting(name: 'apiKey' | 'appId' | 'configId' | 'solutionId', value: string, via?: 'flag' | 'prompt'): void {
    if (this.cfg.store.profile(this.profile)[name] !== value) void this.cfg.store.set(this.profile, name, value);
    if (name === 'apiKey') {
      this.values.apiKey = { value, source: 'profile' };
      return;
    }
    this.values[name] = value;
    if (via) this.record(VALUE_STEP[name], { attested: { [VALUE_ITEMS[name]]: { at: this.now(), via } } });
  }

  /**
   * Person-only items: each not yet attested (--attest ones are, from the start of the run) is asked on
   * a terminal (a yes is recorded with its time), else left to do and named at the end of the run.
   * --yes answers none of them. Returns the first item the person said no to.
   */
  async attest(id: StepId, items: readonly PersonItem[]): Promise<PersonItem | undefined> {
    for (const item of items) {
      if (this.rec(id).attested?.[item]) continue; // --attest items were recorded when the run started
      if (!this.ctx.io.canPrompt) {
        if (!this.unattested.includes(item)) this.unattested.push(item);
        continue;
      }
      const yes = await this.prompt.confirm({ message: this.tr('ui.attestAsk', { item: this.tr(`item.${item}`), id: item }), flag: '--attest', default: false });
      if (!yes) return item;
      this.record(id, { attested: { [item]: { at: this.now(), via: 'prompt' } } });
    }
    return undefined;
  }

  /** `--yes` confirms; otherwise ask (exit 2 naming --yes when we cannot). */
  async confirm(key: MsgKey, params?: Params, dflt = true): Promise<boolean> {
    if (this.o.yes) return true;
    return this.prompt.confirm({ message: this.tr(key, params), flag: '--yes', default: dflt });
  }

  /** A flag value (validated, exit 2 when bad) or, missing, a prompt that validates as the user types. */
  async answer(given: string | undefined, q: { flag: string; message: MsgKey; validate: Validate; default?: string }): Promise<string> {
    if (given !== undefined) {
      const v = given.trim();
      const ok = q.validate(v);
      if (ok !== true) throw new YcpError('usage', this.tr('ui.invalidFlag', { flag: q.flag, problem: this.tr(ok) }));
      return v;
    }
    const v = await this.prompt.input({
      message: this.tr(q.message),
      flag: q.flag,
      default: q.default,
      validate: (s) => {
        const ok = q.validate(s.trim());
        return ok === true ? true : this.tr(ok);
      },
    });
    return v.trim();
  }

  /** A client for the current key, or undefined when there is none yet. Built per key: step 2 may change it. */
  async api(): Promise<YcloudApi | undefined> {
    const key = this.values.apiKey.value;
    if (!key) return undefined;
    if (!this.apis.has(key)) this.apis.set(key, apiClient(this.ctx, { purpose: 'operation', apiKey: key }));
    return this.apis.get(key);
  }
  keyInfo() {
    const k = this.values.apiKey;
    return { masked: k.value ? this.ui.mask(k.value) : undefined, source: sourceMsg(k) };
  }
  async refresh(known?: Snapshot['key']): Promise<Snapshot> {
    this.snap = await gatherSnapshot(await this.api(), this.keyInfo(), known);
    this.signup = await findSignupEvidence(this.progress, this.snap);
    return this.snap;
  }

  /**
   * Prints the command to run next (`argv`, as a person would type it) and runs it in process through
   * `run` when the user agrees. `--yes` runs only commands marked safe (they finish on their own); a
   * failure is reported, never fatal, but Ctrl-C inside it stops the wizard too (exit 130, progress
   * kept). Resolves to whether it ran.
   */
  async offer(argv: string[], o: { safe: boolean }, run: () => Promise<number>): Promise<boolean> {
    const command = commandLine(argv);
    let go = false;
    if (this.o.yes) go = o.safe;
    else if (this.ctx.io.canPrompt) go = await this.prompt.confirm({ message: this.tr('ui.offer', { command }), flag: '--yes', default: true });
    if (!go) {
      this.say('ui.offerPrint', { command });
      return false;
    }
    const code = await run();
    // The command's cleanups have run (the port awaits them); a Ctrl-C there was meant for us as well.
    if (code === 130 || this.ctx.signal.aborted) throw new YcpError('cancelled', 'cancelled');
    if (code === 0) this.say('ui.offerOk', { command });
    else this.say('ui.offerFailed', { command, code });
    return true;
  }

  /** Ends the run at step n: exit 3, with what is missing and how to come back. */
  stop(n: number, state: 'waiting' | 'todo', what: Msg): never {
    const text = this.tr(state === 'waiting' ? 'ui.stopWaiting' : 'ui.stopTodo', { n, what: this.tr(what.key, what.params) });
    throw new YcpError('pending', text, { hint: this.tr('ui.resumeHint', { n }), details: { step: n, state } });
  }
}
