// The intake form's questions, each asked with the buttons that answer it (form buttons: the
// question is the form's open one until answered, then settled; see Turn.settle).
import type { Turn } from '@baiying/conversation';
import { BENEFICIARIES } from '@baiying/domain';
import { label, type MessageKey } from '@baiying/i18n';
import { beneficiaryKey, categoryName, unitName } from '../routing/index.js';
import { stationChoices } from './intake.catalogue.js';
import type { IntakeData } from './intake.flow-state.js';
import { summaryMessage } from './intake.summary.js';

const CATEGORY_BUTTONS_PER_ROW = 3;

/** The first question about an understood message: confirm the category, or pick one. */
export async function proposeCategory(turn: Turn, data: IntakeData): Promise<void> {
  const categories = await turn.w.repos.org.categories();
  const proposed = data.guess?.confident && data.categoryCode ? categories.find((c) => c.code === data.categoryCode) : undefined;
  if (proposed) {
    turn.say('intake.propose', { category: categoryName(proposed) }, [
      [turn.flowButton('cy', label('btn.yes')), turn.flowButton('co', label('btn.change_category'))],
    ]);
    return;
  }
  const ranked = (data.guess?.top ?? []).filter((code) => categories.some((c) => c.code === code));
  if (ranked.length > 0) {
    const rows = ranked.map((code) => {
      const c = categories.find((x) => x.code === code)!;
      return [turn.flowButton(`c:${code}`, categoryName(c))];
    });
    rows.push([turn.flowButton('co', label('btn.change_category'))]);
    turn.say('intake.pick_top', {}, rows);
    return;
  }
  await askAllCategories(turn);
}

/** The question of an ordinary step (the danger steps are asked by DangerIntake). */
export async function askStep(turn: Turn, data: IntakeData): Promise<void> {
  switch (data.step) {
    case 'category':
      return askAllCategories(turn);
    case 'station':
      return askStation(turn, 'intake.ask_station');
    case 'address':
      return turn.say('intake.ask_address', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
    case 'time':
      return turn.say('intake.ask_time', {}, [[turn.flowButton('asap', label('btn.asap')), turn.flowButton('skip', label('btn.skip'))]]);
    case 'phone':
      return turn.say('intake.ask_phone', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
    case 'beneficiary':
      return turn.say('intake.ask_beneficiary', {}, [
        BENEFICIARIES.slice(0, 3).map((b) => turn.flowButton(`b:${b}`, label(beneficiaryKey(b)))),
        BENEFICIARIES.slice(3).map((b) => turn.flowButton(`b:${b}`, label(beneficiaryKey(b)))),
      ]);
    case 'confirm':
      turn.reply(await summaryMessage(turn, data));
      return;
    default:
      return;
  }
}

export async function askAllCategories(turn: Turn): Promise<void> {
  const categories = await turn.w.repos.org.categories();
  const buttons = categories.map((c) => turn.flowButton(`c:${c.code}`, categoryName(c)));
  const rows = [];
  for (let i = 0; i < buttons.length; i += CATEGORY_BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + CATEGORY_BUTTONS_PER_ROW));
  turn.say('intake.pick_category', {}, rows);
}

/** The station picker, under `question` (or, after words that named none, "没找到 …"). */
export async function askStation(turn: Turn, question: MessageKey, unknownText?: string): Promise<void> {
  const rows = (await stationChoices(turn.w)).map((s) => [turn.flowButton(`s:${s.id}`, unitName(s))]);
  if (unknownText) turn.say('input/unknown_station', { text: unknownText.slice(0, 40) }, rows);
  else turn.say(question, {}, rows);
}
