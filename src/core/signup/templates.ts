import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIGNUP_TEMPLATE = 'embedded-signup';
export const SIGNUP_FILES = ['index.html', 'page.js', 'signup.js', 'style.css'] as const;

/**
 * Where `templates/` lives. From source this file is src/core/signup/; bundled it is dist/ycp.js or
 * dist/chunks/*.js; installed, templates ship at <pkg>/templates (package.json `files`). Walking up
 * to the first folder that holds the signup template covers all three.
 */
export function templatesDir(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'templates', SIGNUP_TEMPLATE, 'index.html'))) return join(dir, 'templates');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`templates/${SIGNUP_TEMPLATE} not found above ${from}; the package is incomplete`);
}
