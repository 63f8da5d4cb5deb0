// A person's own choice of language (/lang, 语言): stands above anything guessed (their chat
// app's language, the language of what they write).
import type { ActorRow } from '@baiying/db';
import { ok, type Result } from '@baiying/domain';
import { LOCALES, type Locale } from '@baiying/i18n';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const chooseLanguageCommand = z.object({ locale: z.enum(LOCALES) });
export type ChooseLanguageCommand = z.input<typeof chooseLanguageCommand>;

export class ChooseLanguage {
  async execute(w: Work, actor: ActorRow, input: ChooseLanguageCommand): Promise<Result<{ locale: Locale }>> {
    const c = parseCommand(chooseLanguageCommand, input);
    if (!c.ok) return c;
    await w.repos.people.setLocale(actor.personId, c.value.locale, 'chosen');
    actor.locale = c.value.locale;
    actor.localeSource = 'chosen';
    return ok({ locale: c.value.locale });
  }
}
