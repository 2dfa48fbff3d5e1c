import type { Msg } from '../../i18n/index.js';

export type Level = 'pass' | 'warn' | 'fail';

/** One line of `ycp doctor`: what was found, and what to do when it is not a pass. */
export interface Check {
  id: string;
  level: Level;
  text: Msg;
  fix?: Msg;
  /** A failure of the API key itself (none, or rejected): doctor then exits 4 like every other command. */
  auth?: true;
}
