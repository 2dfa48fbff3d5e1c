// Checks of Chinese text (test/i18n/): what Latin text may stay in it, and its punctuation. Shared by the
// catalog, help and output tests.

/**
 * What may stay in Latin letters inside Chinese text, each with its reason: names, flags, codes, URLs and
 * command lines. Everything these match is removed before looking for English words; what remains must be
 * Chinese. Order matters: longer names first.
 */
export const KEEP: readonly [RegExp, string][] = [
  [/`[^`]*`/g, 'a command line or code, in backticks (help may wrap it)'],
  [/^(?:Usage:|用法：) .*$/gm, 'the usage line of a help text'],
  [/^\s*\$ .*$/gm, 'an example command line (help Examples)'],
  [/^\s*(?:npx )?ycp [^#\n]*/gm, 'a command line the demo prints'],
  [/https?:\/\/[^\s，。；：（）"'`]+|\b[\w-]+(?:\.[\w-]+)+\.(?:com|app|io)(?:\/[\w/.-]*)?/g, 'a URL or a host'],
  [/\b[\w./-]+\.(?:html|js|css|json|ndjson|txt|md)\b/g, 'a file name or path'],
  [/\b(?:GET|POST|PUT|PATCH|DELETE) \/\S+/g, 'an HTTP method and path'],
  [/\?\w+=\w+|#[0-9A-Fa-f]{6}\b/g, 'a query parameter or a colour value (?debug=1, #1DA851)'],
  [/（[A-Za-z][\w -]*）/g, 'the English term given after its Chinese, in parentheses, as a gloss: 共存（coexistence）'],
  [/"[^"\n]*"|“[^”\n]*”/g, 'a label or value quoted as the user sees it (a button, a profile name)'],
  [/'[^'\n]*'/g, 'what the user typed, quoted back (commander quotes it)'],
  [/[A-Za-z][\w ]*(?: [>→] [A-Za-z][\w ]*)+/g, 'a path through a dashboard (Developers > API keys)'],
  [/(?<![\w-])--?[a-zA-Z][\w-]*(?:[ =](?:<[^>\n]+>|[a-z][\w.-]*\b))?|\s\[[^\]\n]+\]/g, 'a flag, with its value or placeholder'],
  [/<[^<>\n]+>|\[[\w.]+(?:\.\.\.)?\]|\{\w+\}/g, 'a placeholder'],
  [
    /\b(?:YCloud-Signature|YCloud|WhatsApp(?: Business)?(?: Manager)?|Meta|Facebook(?: SDK)?|Login for Business|Partner Solutions?|Tech Providers?|Graph(?: API)?|FB\.\w+|Cloud API|Marketing Messages API|Conversions|WhatsApp Business accounts|Configuration ID|Configurations?|Create configuration|Settings|JavaScript(?: SDK)?|Embedded Signup|App Review|App Dashboard|App settings|Basic|Solution name|Partner App|Solution|Permissions and Features|Client OAuth Login|Web OAuth Login|Enforce HTTPS|Embedded Browser OAuth Login|Use Strict Mode for redirect URIs|Login with the JavaScript SDK|Client OAuth(?: settings)?|Yes|Development|Roles|Test users|Quickstart|Continue onboarding|Start app review|Business (?:Portfolio|Verification)|Business|Webhooks?|webhook|Tunnel|Ctrl-C|Retry-After|Allowed Domains|Valid OAuth Redirect URIs|Get Started|Go Live|Live)\b/g,
    "a product, a protocol, or a label of Meta's dashboard as the user sees it there (in English)",
  ],
  [/\b(?:zh-CN|en_US|en)\b/g, 'a language code'],
  [/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{2,}[0-9]*\b/g, 'a code or an environment variable (NOT_FOUND, YCP_LANG, CONNECTED)'],
  [/\b[a-z]+(?:[._][A-Za-z0-9]+|\.\*)+|\b[a-z]+[A-Z]\w*\b|\b[a-z]+(?:-[a-z]+)+\b/g, 'a field, event type or identifier (whatsapp.*, waba_id, paymentMethodAttached, embedded-signup)'],
  [/\b(?=\w*\d)(?=\w*[A-Za-z])\w{8,}\b|\b\w{1,9}…\w{3}\b/g, 'an ID of letters and digits, or a masked secret (wh627c…, req_…, tes…a64)'],
  [/\b\d+(?:\.\d+)?(?:ms|s|m|h|d)\b|\b\d+h\d+m\b|\b\d+m\d+s\b/g, 'a duration as typed (30s, 1h30m)'],
  [/\b[tvs]=[\w<>…]*|\bv\d+(?:\.\d+)?\b|\bzh_\*/g, 'a signature field, a version or a locale pattern (t=, v25.0, zh_*)'],
  [/\b(?:true|false|null)\b/g, 'a JSON value'],
  [/\b(?:MiB|KiB|ms|hex)\b|\b\dxx\b/g, 'a unit, a class of HTTP statuses (2xx)'],
  [/\b(?:PNG|JPEG|GIF|WebP|SVG|OAuth)\b/g, 'a file format or a protocol'],
  [/\bhttps?\(s\)/g, 'the http(s) scheme'],
  [
    /\bycp(?: (?:phone|waba|message|webhook|endpoint|config|auth|template|signup|sandbox|demo|login|logout|init|status|doctor|completion|list|get|set|unset|wait|check|register|send|listen|trigger|replay|verify|create|delete|rotate-secret|clean|scaffold|serve|path)\b)+/g,
    'a command line named in a sentence',
  ],
  [/\b(?:ycp|bash|zsh|fish|sh|npm|npx|node|Node(?:\.js)?|ngrok|cloudflared|chmod|ls|cat|export|localhost)\b/g, 'a program, a shell word or a host name'],
  [/\bactive\b/g, "a webhook endpoint's status value at YCloud"],
  [/\b(?:accepted|sent|delivered|read|failed)\b/g, "a message's status value at YCloud (lowercase there)"],
  [/\b(?:lang|timeout)\b/g, "a setting's name (`ycp config set lang zh-CN`)"],
  [/\bwhatsapp\./g, 'the prefix of WhatsApp event types'],
  [/\b(?:code|extras)\b/g, "a field of Meta's SDK as the page receives it (the OAuth `code`, `extras`)"],
  [/\b(?:API|IDs?|URLs?|URIs?|JSON|NDJSON|HTTPS?|https?|E\.164|SDK|OTP|CI|WABA|wamid|PATH|shell)\b/g, 'a technical term used as is in Chinese writing'],
];

/** The English words left in `text` once everything KEEP allows is removed. */
export function englishLeft(text: string): string[] {
  let rest = text;
  for (const [re] of KEEP) rest = rest.replace(re, ' ');
  return [...rest.matchAll(/[A-Za-z]{2,}(?:[ '-][A-Za-z]{2,})*/g)].map((m) => m[0]);
}

/**
 * ASCII `;` `:` `,` `(` `)` touching a Han character (spaces between allowed): Chinese text takes the full-width
 * forms (；：，（）). "已勾选 5/5 项; 应用 ID" is the kind of line this catches.
 */
export function asciiPunctuation(text: string): string[] {
  const re = /\p{Script=Han}[^\S\n]*[;:,()]|[;:,()][^\S\n]*\p{Script=Han}/gu;
  // Code, URLs and the http(s) scheme keep their own punctuation.
  const plain = text.replace(/`[^`\n]*`/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/https?\(s\)/g, 'http');
  return [...plain.matchAll(re)].map((m) => plain.slice(Math.max(0, m.index! - 12), m.index! + m[0].length + 12));
}

export const hasHan = (text: string) => /\p{Script=Han}/u.test(text);
