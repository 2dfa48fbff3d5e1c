// ARCHITECTURE §1: values reach the page through ONE JSON block, never by pasting strings into HTML
// or JS. Escaping <, > and & keeps `</script>` and `<!--` out of the block; U+2028/2029 are escaped
// because older script parsers treat them as line ends.
export const CONFIG_BLOCK_ID = 'ycp-config';

const BLOCK_RE = /<script type="application\/json" id="ycp-config">([\s\S]*?)<\/script>/;

/** JSON that is safe inside <script type="application/json"> and parses back to the same value. */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function configBlock(value: Record<string, unknown>): string {
  return `<script type="application/json" id="${CONFIG_BLOCK_ID}">${serializeForScript(value)}</script>`;
}

export function hasConfigBlock(html: string): boolean {
  return BLOCK_RE.test(html);
}

/** The config the page carries, or undefined when the block is missing or not JSON. */
export function readConfigBlock(html: string): Record<string, unknown> | undefined {
  const m = BLOCK_RE.exec(html);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]!) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the whole block; a function replacement so `$&` and friends in values stay literal. */
export function writeConfigBlock(html: string, value: Record<string, unknown>): string {
  if (!hasConfigBlock(html)) throw new Error('the page has no <script type="application/json" id="ycp-config"> block');
  const block = configBlock(value);
  return html.replace(BLOCK_RE, () => block);
}
