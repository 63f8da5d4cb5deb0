// 群众点单: saves a confirmed need with its readable code and the outbox event that routes it.
import type { ActorRow, NeedRow } from '@baiying/db';
import { BENEFICIARIES, CHANNELS, err, formatNeedCode, needDay, ok, Priority, PurposeKey, type Result } from '@baiying/domain';
import { alertCoordinators, msg, parseCommand, type Work } from '@baiying/kernel';
import { currentLocale, t, type MessageKey } from '@baiying/i18n';
import { DEFAULT_CATEGORIES } from '@baiying/nlu';
import { z } from 'zod';
import { EMERGENCY_CATEGORY } from '../emergency/index.js';
import { publicFacts } from '../routing/index.js';
import { wantedWhenOf } from './wanted-when.js';

/** A card's task line: at most this many words, each at most this long. */
const MAX_TASK_TERMS = 3;
const TASK_TERM_CHARS = 16;

const fold = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The task words a group may read, whatever produced them: each must be a word of the category's
 * vocabulary (the library's and the county's own) and occur in the description — so never a
 * name, a phone or an address.
 */
function safeTaskTerms(terms: readonly string[], description: string, category: { code: string; keywords: string[] }): string[] {
  const base = DEFAULT_CATEGORIES.find((c) => c.code === category.code)?.keywords ?? [];
  const vocabulary = new Set([...base.map((k) => (typeof k === 'string' ? k : k.term)), ...category.keywords].filter((k) => !k.includes('+')).map(fold));
  const text = fold(description);
  return [...new Set(terms.map(fold))].filter((x) => x.length > 0 && vocabulary.has(x) && text.includes(x));
}

/** The wanted time is kept as the resident said it (encrypted), up to this long. */
const WANTED_TIME_CHARS = 200;

export const submitNeedCommand = z.object({
  channel: z.enum(CHANNELS),
  description: z.string().min(1),
  truncated: z.boolean(),
  categoryCode: z.string().min(1).max(40),
  stationId: z.uuid(),
  address: z.string().max(500).nullable(),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable(),
  wantedTime: z.string().nullable(),
  phone: z.string().max(40).nullable(),
  beneficiary: z.enum(BENEFICIARIES),
  urgency: z.enum(['urgent', 'normal']),
  attachments: z.array(z.object({ kind: z.string().max(20), fileRef: z.string().max(300) })).max(10),
  /** Why a coordinator should check this need (审单), e.g. the category stayed uncertain. */
  reviewReason: z.string().max(60).nullable().optional(),
  /** The danger check's verdict: `likely` goes out as an emergency (urgent, emergency routing) in any mode. */
  danger: z.object({ level: z.enum(['none', 'possible', 'likely']), families: z.array(z.string().max(20)).max(12) }).optional(),
  /** The card's task line: vocabulary words of the category found in the description (Understander.taskTerms). */
  taskTerms: z.array(z.string().max(TASK_TERM_CHARS)).max(MAX_TASK_TERMS).optional(),
});
export type SubmitNeedCommand = z.input<typeof submitNeedCommand>;

export class SubmitNeed {
  async execute(w: Work, actor: ActorRow, input: SubmitNeedCommand): Promise<Result<NeedRow>> {
    const c = parseCommand(submitNeedCommand, input);
    if (!c.ok) return c;
    const d = c.value;
    const category = await w.repos.org.category(d.categoryCode);
    const station = await w.repos.org.unit(d.stationId);
    if (!category || !station || station.tier !== 'station') return err('input/invalid', { field: category ? 'stationId' : 'categoryCode' });
    const { cipher } = w.deps;
    const wantedTime = d.wantedTime?.slice(0, WANTED_TIME_CHARS) ?? null;
    const day = needDay(w.now, w.config.timeZone);
    const code = formatNeedCode(day, await w.repos.needs.nextNumber(day));
    const need = await w.repos.needs.create({
      code,
      residentId: actor.personId,
      channel: d.channel,
      categoryCode: category.code,
      stationId: station.id,
      descriptionEnc: cipher.encrypt(d.description),
      addressEnc: cipher.encryptOptional(d.address),
      locationEnc: d.location ? cipher.encrypt(`${d.location.lat},${d.location.lng}`) : null,
      phoneEnc: cipher.encryptOptional(d.phone),
      wantedTimeEnc: cipher.encryptOptional(wantedTime),
      wantedWhen: wantedWhenOf(wantedTime, w.now, w.config.timeZone),
      beneficiary: d.beneficiary,
      urgency: category.code === EMERGENCY_CATEGORY || d.danger?.level === 'likely' ? 'urgent' : d.urgency,
      danger: d.danger && d.danger.level !== 'none' ? d.danger.level : null,
      dangerFamilies: d.danger?.families ?? [],
      taskTerms: safeTaskTerms(d.taskTerms ?? [], d.description, category),
      truncated: d.truncated,
      reviewReason: d.reviewReason ?? null,
      attachments: d.attachments,
    });
    await w.repos.needs.event(need.id, 'submit', actor.personId, {
      review: d.reviewReason ?? null,
      danger: d.danger?.level ?? null,
      signals: d.danger?.families.join(',') ?? null,
    });
    await w.needSubmitted(need.id);
    if (d.danger?.level === 'likely') {
      // Coordinators hear of a person in danger at once, whoever takes the job.
      const families = d.danger.families;
      const alert = () =>
        msg('alert.danger', {
          ...publicFacts(need),
          signals: families.map((f) => t(`danger.family.${f}` as MessageKey)).join(currentLocale() === 'en' ? ', ' : '、') || '-',
        });
      await alertCoordinators(w, station.id, PurposeKey.alert('danger', need.id), alert, Priority.emergency);
    }
    if (d.reviewReason) {
      // Routed on the resident's own choice, and flagged so a person checks it (审单).
      await alertCoordinators(w, station.id, PurposeKey.alert('review', need.id), () => msg('alert.review', publicFacts(need)));
    }
    return ok(need);
  }
}
