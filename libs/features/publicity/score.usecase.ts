// 落实清单点评表: the resident whose need was fulfilled scores it once, 1–5, from chat (star
// buttons) or from the public page with a one-time code the bot sent them in chat. Anonymous
// visitors cannot stuff scores: the page accepts a score only with the need's current code
// (stored hashed; a few wrong tries lock it; it expires), and every need is scored once.
import { randomInt } from 'node:crypto';
import type { OutButton } from '@baiying/domain';
import { err, monthOf, ok, parseNeedCode, Priority, PurposeKey, type Result } from '@baiying/domain';
import { label } from '@baiying/i18n';
import { defineButton, field, findNeed, msg, parseCommand, type ButtonCodec, type Work } from '@baiying/kernel';
import { defineKeyword, NEED_CODE } from '@baiying/conversation';
import { z } from 'zod';
import type { Lists } from '@baiying/contracts';
import { publicPath } from './paths.js';

export const scoreButton = defineButton<{ needId: string; score: number }>('ps', { needId: field.uuid(), score: field.int() });
export const scoreKeyword = defineKeyword<{ code: string }>({
  name: 'publicity-score',
  words: ['点评', 'score'],
  args: `\\s*${NEED_CODE}\\s*`,
  read: (m) => ({ code: m[1]! }),
  write: (a) => a.code,
});

const SCORES = [1, 2, 3, 4, 5] as const;
/** Wrong codes for one need before its code locks (a new one comes from chat). */
export const SCORE_CODE_MAX_FAILURES = 5;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const FULFILLED = new Set(['done', 'confirmed']);

/** `ABCD-EFGH` from what a person types (case, spaces, full-width forms, a missing dash). */
export function normaliseScoreCode(text: string): string | null {
  const s = text.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4)}` : null;
}

function newScoreCode(): string {
  const c = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

export function scoreButtons(buttons: ButtonCodec, needId: string): OutButton[][] {
  return [SCORES.map((n) => ({ label: label('btn.stars', { stars: '⭐'.repeat(n), n }), data: buttons.encode(scoreButton, { needId, score: n }) }))];
}

interface InviteTarget {
  id: string;
  code: string;
  residentId: string;
  categoryCode: string;
  channel: string;
}

/** Issues score codes and sends the invites (stars + the page's code) to residents. */
export class ScoreInvites {
  /** A fresh code for the need (the previous one stops working) and the invite in chat. */
  async issue(w: Work, need: InviteTarget, page: { unitCode: string; unitName: string; unitNameEn: string; month: string }): Promise<string> {
    const code = newScoreCode();
    const days = w.config.publicity.scoreCodeDays;
    await w.repos.publicity.upsertInvite(need.id, need.residentId, w.deps.cipher.hash(code), w.now, new Date(w.now.getTime() + days * 86_400_000));
    const categories = await w.repos.org.categories();
    const cat = categories.find((c) => c.code === need.categoryCode);
    const url = `${w.config.api.publicBaseUrl}${publicPath(page.unitCode, page.month)}`;
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needScoreInvite(need.id, w.now.getTime().toString(36)),
      'publicity-invite',
      () =>
        msg(
          'publicity.invite',
          {
            code: need.code,
            category: cat?.nameZh ?? need.categoryCode,
            categoryEn: cat?.nameEn ?? need.categoryCode,
            unit: page.unitName,
            unitEn: page.unitNameEn,
            month: page.month,
            url,
            scoreCode: code,
            days,
          },
          scoreButtons(w.buttons, need.id),
        ),
      Priority.status,
      need.channel === 'telegram' || need.channel === 'wechat' || need.channel === 'web' ? need.channel : undefined,
    );
    return code;
  }

  /** At a month's first publication: every fulfilled item's resident not yet invited. */
  async inviteAll(w: Work, lists: Lists): Promise<number> {
    const codes = lists.fulfilment.fulfilled.map((f) => f.code);
    let n = 0;
    for (const need of await w.repos.publicity.needsByCode(codes)) {
      if (!FULFILLED.has(need.status) || (await w.repos.publicity.invite(need.id))) continue;
      await this.issue(w, need, { unitCode: lists.unit.code, unitName: lists.unit.name, unitNameEn: lists.unit.nameEn, month: lists.month });
      n++;
    }
    return n;
  }
}

export const offerScoreSchema = z.object({ needCode: z.string().min(1).max(40) }).strict();

/** The resident asks in chat (点评 N-…): a fresh code and the star buttons. */
export class OfferScore {
  constructor(private readonly invites: ScoreInvites) {}

  async execute(w: Work, actorId: string, input: z.input<typeof offerScoreSchema>): Promise<Result<{ code: string }>> {
    const c = parseCommand(offerScoreSchema, input);
    if (!c.ok) return c;
    const need = await findNeed(w, { needCode: c.value.needCode });
    if (!need) return err('need/not_found');
    if (need.residentId !== actorId) return err('need/not_yours');
    if (!FULFILLED.has(need.status)) return err('publicity/not_scorable');
    const invite = await w.repos.publicity.invite(need.id);
    if (invite?.score != null) return err('publicity/already_scored');
    const tree = await w.repos.org.tree();
    const station = tree.get(need.stationId);
    await this.invites.issue(w, need, {
      unitCode: station?.code ?? '',
      unitName: station?.name ?? '',
      unitNameEn: station?.nameEn ?? station?.name ?? '',
      month: monthOf(need.createdAt, w.config.timeZone),
    });
    return ok({ code: need.code });
  }
}

const scoreValue = z.number().int().min(1).max(5);
export const scoreByButtonSchema = z.object({ needId: z.uuid(), score: scoreValue }).strict();

/** A star pressed in chat by the need's own resident. */
export class ScoreByButton {
  async execute(w: Work, actorId: string, input: z.input<typeof scoreByButtonSchema>): Promise<Result<{ score: number }>> {
    const c = parseCommand(scoreByButtonSchema, input);
    if (!c.ok) return err('input/bad_rating');
    const invite = await w.repos.publicity.invite(c.value.needId);
    if (!invite) return err('publicity/not_scorable');
    if (invite.residentId !== actorId) return err('need/not_yours');
    if (invite.score != null) return err('publicity/already_scored');
    if (!(await w.repos.publicity.recordScore(invite.needId, c.value.score, 'chat', w.now))) return err('publicity/already_scored');
    return ok({ score: c.value.score });
  }
}

export const scoreByCodeSchema = z
  .object({
    need: z.string().min(1).max(40),
    code: z.string().min(1).max(20),
    score: z.coerce.number().int().min(1).max(5),
  })
  .strict();

/** The public page's form: a need code, the resident's one-time code, a score. No login. */
export class ScoreByCode {
  async execute(w: Work, input: unknown): Promise<Result<{ needCode: string; score: number }>> {
    const c = parseCommand(scoreByCodeSchema, input);
    if (!c.ok) return c;
    const needCode = parseNeedCode(c.value.need);
    const code = normaliseScoreCode(c.value.code);
    if (!needCode) return err('input/invalid', { field: 'need' });
    if (!code) return err('publicity/bad_code');
    const need = await w.repos.needs.byCode(needCode);
    const invite = need ? await w.repos.publicity.invite(need.id) : null;
    // An unknown need and a need nobody was invited for answer like a wrong code.
    if (!need || !invite) return err('publicity/bad_code');
    if (invite.score != null) return err('publicity/already_scored');
    if (invite.failures >= SCORE_CODE_MAX_FAILURES) return err('publicity/code_locked');
    if (invite.codeHash !== w.deps.cipher.hash(code)) {
      const failures = await w.repos.publicity.addFailure(need.id);
      return err(failures >= SCORE_CODE_MAX_FAILURES ? 'publicity/code_locked' : 'publicity/bad_code');
    }
    if (invite.expiresAt <= w.now) return err('publicity/code_expired');
    if (!FULFILLED.has(need.status)) return err('publicity/not_scorable');
    if (!(await w.repos.publicity.recordScore(need.id, c.value.score, 'page', w.now))) return err('publicity/already_scored');
    return ok({ needCode: need.code, score: c.value.score });
  }
}
