import type { Ctx } from '../context.js';
import { createYcloudApi, type YcloudApi } from './client.js';
import { VERSION } from '../../version.js';

/** An API client for an explicit key (login verifies a key before saving it). */
export async function apiWithKey(ctx: Ctx, apiKey: string): Promise<YcloudApi> {
  const cfg = await ctx.config();
  return createYcloudApi({
    baseUrl: cfg.get('baseUrl')!,
    apiKey,
    dispatcher: await ctx.dispatcher(),
    clock: ctx.clock,
    signal: ctx.signal,
    userAgent: userAgent(),
    log: (l) => ctx.debug(l),
  });
}

export const userAgent = () => `ycp/${VERSION} node/${process.versions.node}`;
