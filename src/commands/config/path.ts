import type { Ctx } from '../../core/context.js';
import { configPathFor } from '../../core/config-path.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

/** Works even when the file is broken: it is where you go to fix it. */
export async function configPath(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const path = await configPathFor(ctx.env);
  render(ctx.io, o, { path }, (d) => d.path);
}
