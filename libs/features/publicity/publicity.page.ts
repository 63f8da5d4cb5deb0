// The public 公示 page: server-rendered HTML that needs no JavaScript (none is served: the CSP
// allows no script), prints as an A4 notice (print CSS), carries a QR code of its own address
// (inline SVG from `qrcode`) and a plain form per fulfilled item for the resident's score.
// Every value is escaped; the only inline style is hashed into the CSP.
import { createHash } from 'node:crypto';
import { t, type Locale, type MessageKey } from '@baiying/i18n';
import QRCode from 'qrcode';
import type { Lists, SnapshotChange } from '@baiying/contracts';
import { publicPath } from './paths.js';
import type { PublicLists } from './public-page.usecase.js';

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#111;line-height:1.5}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:2px solid #b00;margin-top:1.5rem}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #888;padding:.2rem .35rem;text-align:left;vertical-align:top}
th{background:#f3e9e9}.meta{color:#444}.notice{padding:.5rem;border:1px solid #070;background:#efe}.error{border-color:#b00;background:#fee}
.head{display:flex;justify-content:space-between;gap:1rem;align-items:flex-start}.qr{width:8rem;text-align:center;font-size:.75rem}.qr svg{width:8rem;height:8rem}
form.score{display:flex;gap:.25rem;flex-wrap:wrap}form.score input{width:6.5rem}.overdue{color:#b00}nav a{margin-right:1rem}
@page{size:A4;margin:12mm}
@media print{.noprint,form.score,nav{display:none!important}body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}a{color:#111;text-decoration:none}}
`;

/** The page's Content-Security-Policy: no script at all, only this page's hashed style, forms to itself. */
export const publicPageCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface PageNotice {
  kind: 'ok' | 'error';
  text: string;
}

export interface PageOptions {
  locale: Locale;
  /** The API's public base URL (the QR code's target). */
  baseUrl: string;
  /** The version asked for in the path (its own link), or undefined for "latest". */
  pathVersion?: number;
  print: boolean;
  notice?: PageNotice;
  /** YYYY-MM-DD today in TIME_ZONE (a promised date before it is overdue). */
  today: string;
}

const BENEFICIARY: Record<string, MessageKey> = {
  elderly: 'page.beneficiary.elderly',
  child: 'page.beneficiary.child',
  disabled: 'page.beneficiary.disabled',
  hardship: 'page.beneficiary.hardship',
  none: 'page.beneficiary.none',
};
const FIELD: Record<string, MessageKey> = {
  reason: 'page.field.reason',
  steps: 'page.field.steps',
  promised: 'page.field.promised',
  status: 'page.field.status',
  rating: 'page.field.rating',
  team: 'page.field.team',
};
const STATUS: Record<string, MessageKey> = {
  submitted: 'status.submitted',
  dispatched: 'status.dispatched',
  unrouted: 'status.unrouted',
  claimed: 'status.claimed',
  en_route: 'status.en_route',
  done: 'status.done',
  confirmed: 'status.confirmed',
  cancelled: 'status.cancelled',
  unfulfilled: 'status.unfulfilled',
};

function table(head: string[], rows: string[][], none: string): string {
  if (rows.length === 0) return `<p>${esc(none)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function changeLines(changes: SnapshotChange[], locale: Locale): string[] {
  return changes.map((c) => {
    if (c.kind === 'added') return t('page.change_added', { code: c.code }, locale);
    if (c.kind === 'removed') return t('page.change_removed', { code: c.code }, locale);
    const field = FIELD[c.field ?? ''];
    return t('page.change_item', { code: c.code, field: field ? t(field, {}, locale) : (c.field ?? ''), from: c.from ?? '', to: c.to ?? '' }, locale);
  });
}

/** The page's HTML (a complete document). */
export async function renderPublicPage(p: PublicLists, o: PageOptions): Promise<string> {
  const L = o.locale;
  const tr = (key: MessageKey, params: Record<string, string | number> = {}) => esc(t(key, params, L));
  const l: Lists = p.lists;
  const en = L === 'en';
  const cat = new Map(l.categories.map((c) => [c.code, en ? c.en : c.zh]));
  const catName = (code: string) => esc(cat.get(code) ?? code);
  const station = (x: { station: string; stationEn: string }) => esc(en ? x.stationEn : x.station);
  const benef = (b: string) => tr(BENEFICIARY[b] ?? 'page.beneficiary.none');
  const status = (s: string) => tr(STATUS[s] ?? 'status.submitted');
  const unitName = en ? l.unit.nameEn : l.unit.name;
  const selfPath = publicPath(l.unit.code, l.month, o.pathVersion);
  const url = `${o.baseUrl}${selfPath}`;
  const qr = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const langHref = `${selfPath}?lang=${en ? 'zh' : 'en'}`;
  const today = (iso: string) => iso.slice(0, 10);
  const scoreAction = `${publicPath(l.unit.code, l.month)}/score`;

  const parts: string[] = [];
  parts.push(
    `<!doctype html><html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${tr('page.title', { unit: l.unit.name, unitEn: l.unit.nameEn, month: l.month })}</title><style>${STYLE}</style></head><body>`,
    `<nav class="noprint"><a href="${esc(langHref)}" hreflang="${en ? 'zh-CN' : 'en'}">${tr('page.lang_other')}</a><a href="${esc(`${selfPath}?print=1${en ? '&lang=en' : ''}`)}">${tr('page.print')}</a></nav>`,
    `<div class="head"><div><h1>${tr('page.title', { unit: unitName, unitEn: unitName, month: l.month })}</h1>`,
    `<p class="meta">${tr('page.version', { version: p.version, date: today(p.publishedAt) })}</p></div>`,
    `<div class="qr">${qr}<div>${tr('page.qr')}</div></div></div>`,
  );
  if (o.notice) parts.push(`<p class="notice${o.notice.kind === 'error' ? ' error' : ''}" role="status">${esc(o.notice.text)}</p>`);
  if (p.supersededBy) {
    const next = p.supersededBy;
    parts.push(
      `<p class="notice error">${tr('page.superseded', { version: next.version })}<a href="${esc(publicPath(l.unit.code, l.month, next.version))}">v${next.version}</a> — ${esc(next.changeSummary ?? '')}</p>`,
    );
  }
  const own = p.versions.find((v) => v.version === p.version);
  if (own && own.changes.length > 0) {
    parts.push(
      `<h3>${tr('page.changes')}</h3><p>${esc(own.changeSummary ?? '')}</p><ul>${changeLines(own.changes, L)
        .map((x) => `<li>${esc(x)}</li>`)
        .join('')}</ul>`,
    );
  }
  if (p.versions.length > 1) {
    parts.push(
      `<p class="meta">${tr('page.versions')}: ${p.versions
        .map((v) => `<a href="${esc(publicPath(l.unit.code, l.month, v.version))}">v${v.version}</a> (${esc(today(v.publishedAt))})`)
        .join(' · ')}</p>`,
    );
  }

  // 一、需求清单
  parts.push(`<h2>${tr('page.needs')}</h2><p>${tr('page.needs_total', { total: l.needs.total })}</p>`);
  parts.push(
    `<h3>${tr('page.by_category')}</h3>`,
    table(
      [t('page.col.category', {}, L), t('page.col.count', {}, L)],
      l.needs.byCategory.map((c) => [catName(c.category), esc(c.count)]),
      t('page.none', {}, L),
    ),
    `<h3>${tr('page.by_station')}</h3>`,
    table(
      [t('page.col.station', {}, L), t('page.col.count', {}, L)],
      l.needs.byStation.map((s) => [station(s), esc(s.count)]),
      t('page.none', {}, L),
    ),
    table(
      ['page.col.code', 'page.col.station', 'page.col.category', 'page.col.beneficiary', 'page.col.status', 'page.col.date'].map((k) =>
        t(k as MessageKey, {}, L),
      ),
      l.needs.items.map((n) => [esc(n.code), station(n), catName(n.category), benef(n.beneficiary), status(n.status), esc(n.date)]),
      t('page.none', {}, L),
    ),
  );

  // 二、服务清单
  parts.push(
    `<h2>${tr('page.services')}</h2>`,
    table(
      [t('page.col.category', {}, L), t('page.col.team', {}, L)],
      l.services.map((s) => [
        catName(s.category),
        s.teams.map((x) => (en ? `${esc(x.nameEn)} (${esc(x.unitEn)})` : `${esc(x.name)}（${esc(x.unit)}）`)).join('<br>'),
      ]),
      t('page.none', {}, L),
    ),
  );

  // 三、资源清单
  parts.push(
    `<h2>${tr('page.resources')}</h2>`,
    table(
      [t('page.col.team', {}, L), t('page.col.unit', {}, L), t('page.col.category', {}, L), t('page.col.members', {}, L)],
      l.resources.teams.map((x) => [esc(en ? x.nameEn : x.name), esc(en ? x.unitEn : x.unit), catName(x.category), esc(x.members)]),
      t('page.none', {}, L),
    ),
    `<h3>${tr('page.talents')}</h3>`,
    table(
      [t('page.col.skill', {}, L), t('page.col.people', {}, L)],
      l.resources.talents.map((x) => [esc(x.skill), esc(x.people)]),
      t('page.none', {}, L),
    ),
    `<p>${tr('page.venues_none')}</p>`,
  );

  // 四、落实清单 (with the 点评表 forms)
  const scoreForm = (code: string) =>
    `<form class="score" method="post" action="${esc(scoreAction)}"><input type="hidden" name="need" value="${esc(code)}">` +
    `<label>${tr('page.score_code')} <input name="code" required maxlength="20" autocomplete="off"></label>` +
    `<select name="score" aria-label="${tr('page.col.score')}">${[5, 4, 3, 2, 1].map((n) => `<option value="${n}">${'★'.repeat(n)}</option>`).join('')}</select>` +
    `<button type="submit">${tr('page.score_submit')}</button></form>`;
  parts.push(`<h2>${tr('page.fulfilment')}</h2><h3>${tr('page.fulfilled')}</h3>`);
  const fulfilledHead = [
    'page.col.code',
    'page.col.station',
    'page.col.category',
    'page.col.beneficiary',
    'page.col.team',
    'page.col.done',
    'page.col.rating',
    'page.col.score',
  ].map((k) => t(k as MessageKey, {}, L));
  parts.push(
    table(
      o.print ? fulfilledHead : [...fulfilledHead, t('page.score_title', {}, L)],
      l.fulfilment.fulfilled.map((f) => {
        const score = p.scores[f.code];
        const row = [
          `<span id="${esc(f.code)}">${esc(f.code)}</span>`,
          station(f),
          catName(f.category),
          benef(f.beneficiary),
          esc(f.team ?? ''),
          esc(f.done ?? ''),
          f.rating ? esc('★'.repeat(f.rating)) : '',
          score ? esc('★'.repeat(score)) : '',
        ];
        return o.print ? row : [...row, score ? '' : scoreForm(f.code)];
      }),
      t('page.none', {}, L),
    ),
  );
  parts.push(
    `<h3>${tr('page.unfulfilled')}</h3>`,
    table(
      ['page.col.code', 'page.col.station', 'page.col.category', 'page.col.beneficiary', 'page.col.reason', 'page.col.steps', 'page.col.promised'].map((k) =>
        t(k as MessageKey, {}, L),
      ),
      l.fulfilment.unfulfilled.map((u) => [
        esc(u.code),
        station(u),
        catName(u.category),
        benef(u.beneficiary),
        esc(u.reason ?? t('page.pending_text', {}, L)),
        esc(u.steps ?? t('page.pending_text', {}, L)),
        `${esc(u.promised ?? '')}${u.promised && u.promised < o.today ? `<span class="overdue">${tr('page.overdue')}</span>` : ''}`,
      ]),
      t('page.none', {}, L),
    ),
  );
  parts.push(`<p class="meta">${tr('page.footer')}</p></body></html>`);
  return parts.join('\n');
}
