// The partner's branding on the signup page, without editing code (docs/signup.md "Branding"): a name, a
// logo copied next to the page, a primary colour. Every value reaches the page through the escaped config
// block and is set as text, an <img src> of a plain file name, or a CSS custom property; the page checks
// each shape again before using it.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { YcpError } from '../errors.js';
import { t, type Lang } from '../../i18n/index.js';

export const BRAND_NAME_MAX = 80;
export const LOGO_MAX_BYTES = 512 * 1024;
export const PAGE_LANGS = ['en', 'zh-CN'] as const;
export type PageLang = (typeof PAGE_LANGS)[number];

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function checkBrandName(v: string, lang: Lang): string {
  const s = v.trim();
  // C0/C1 controls and the bidi overrides that could make the name read as something else.
  if (!s || s.length > BRAND_NAME_MAX || /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s)) {
    throw new YcpError('usage', t(lang, 'su.badBrandName', { max: BRAND_NAME_MAX }));
  }
  return s;
}

export function checkBrandColor(v: string, lang: Lang): string {
  const s = v.trim();
  if (!COLOR.test(s)) throw new YcpError('usage', t(lang, 'su.badColor', { value: s.slice(0, 40) }));
  return s.toLowerCase();
}

export interface Logo {
  /** The file name next to the page: logo.png, logo.jpg, … */
  name: string;
  bytes: Buffer;
}

/** Reads and checks a logo: an image by its first bytes (and a matching extension), small, and an SVG without script. */
export async function readLogo(file: string, lang: Lang): Promise<Logo> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new YcpError('usage', t(lang, 'su.logoMissing', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
  if (bytes.length > LOGO_MAX_BYTES) throw new YcpError('usage', t(lang, 'su.logoTooBig', { file, size: kib(bytes.length), limit: kib(LOGO_MAX_BYTES) }));
  const kind = sniff(bytes);
  const ext = extname(file).toLowerCase().replace('.jpeg', '.jpg');
  if (!kind || ext !== `.${kind}`) throw new YcpError('usage', t(lang, 'su.badLogo', { file }));
  // An SVG opened on its own runs its scripts on the page's origin: refuse any that could.
  if (kind === 'svg' && /<script|\son[a-z]+\s*=|javascript:|<foreignObject/i.test(bytes.toString('utf8'))) {
    throw new YcpError('usage', t(lang, 'su.logoScript', { file }));
  }
  return { name: `logo.${kind}`, bytes };
}

function sniff(b: Buffer): 'png' | 'jpg' | 'gif' | 'webp' | 'svg' | undefined {
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a') return 'gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  const head = b.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;
