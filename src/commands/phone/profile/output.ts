import type { Ctx } from '../../../core/context.js';
import type { PhoneProfile } from '../../../core/api/types.js';
import { t, type Lang } from '../../../i18n/index.js';
import { formatFields } from '../../../ui/render.js';

export function profileFields(ctx: Ctx, lang: Lang, p: PhoneProfile): string {
  return formatFields(ctx.io, [
    [t(lang, 'ph.f.verifiedName'), p.verifiedName],
    [t(lang, 'ph.f.nameStatus'), p.nameStatus],
    [t(lang, 'ph.f.newName'), p.newName],
    [t(lang, 'ph.f.newNameStatus'), p.newNameStatus],
    [t(lang, 'ph.f.about'), p.about],
    [t(lang, 'ph.f.address'), p.address],
    [t(lang, 'ph.f.description'), p.description],
    [t(lang, 'ph.f.email'), p.email],
    [t(lang, 'ph.f.websites'), (p.websites ?? []).join(' ')],
    [t(lang, 'ph.f.vertical'), p.vertical],
    [t(lang, 'ph.f.picture'), p.profilePictureUrl],
  ]);
}
