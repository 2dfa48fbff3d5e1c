/**
 * The descriptions of the command tree in one language other than English (English lives in the command
 * files): src/i18n/help/<lang>.ts, loaded with the language's messages (loadLang), applied by
 * help/localize.ts.
 */
export interface HelpCatalog {
  /**
   * By command path: 'phone wait', 'phone wait --timeout', 'phone wait <wabaId>'; the root is 'ycp'. `{list}`
   * stands for the list the English description ends with after its last ': ' (generated from a table, e.g.
   * the items of `init --attest`), so the list is written once.
   */
  commands: Readonly<Record<string, string>>;
  /** A setting's description (its flag's default help and its Environment line), by setting name. */
  settings: Readonly<Record<string, string>>;
}
