// The public 公示 page, no login: GET /gongshi/<unit code>/<YYYY-MM>[/v<n>] (HTML, no script,
// printable), and the 点评表's form POST /gongshi/<unit code>/<YYYY-MM>/score (urlencoded; the
// resident's one-time code decides). Language: ?lang=en|zh, else Accept-Language.
import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '@baiying/config';
import { httpStatusOf, localDate, type ErrorCode } from '@baiying/domain';
import { publicPageCsp, publicPath, PublicityFeature, renderPublicPage, type PageNotice } from '@baiying/features';
import { asLocale, t, type Locale } from '@baiying/i18n';
import { UnitOfWork } from '@baiying/kernel';
import { APP_CONFIG, FixedWindow } from '@baiying/platform';
import { Public } from '../http/console-auth.js';

/** Score submissions per client address per 10 minutes (each process). */
const SCORES_PER_WINDOW = 30;

function localeOf(lang: unknown, accept: string | undefined): Locale {
  if (lang === 'en' || lang === 'zh') return lang;
  const first = (accept ?? '').split(',')[0]?.trim() ?? '';
  return asLocale(first || null);
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

@ApiExcludeController()
@Public()
@Controller('gongshi')
export class GongshiController {
  private readonly window = new FixedWindow(SCORES_PER_WINDOW, 600_000);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly publicity: PublicityFeature,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async page(
    res: Response,
    args: { unit: string; month: string; version?: number; locale: Locale; print: boolean; notice?: PageNotice; status?: number },
  ) {
    const r = await this.uow.run(async (w) => {
      const data = await this.publicity.publicLists.execute(w, {
        unitCode: args.unit,
        month: args.month,
        ...(args.version !== undefined ? { version: args.version } : {}),
      });
      return { data, today: localDate(w.now, w.config.timeZone) };
    });
    res.setHeader('Content-Security-Policy', publicPageCsp);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Language', args.locale === 'en' ? 'en' : 'zh-CN');
    if (!r.data.ok) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send(`${t('publicity/not_found', {}, args.locale)}\n`);
      return;
    }
    const html = await renderPublicPage(r.data.value, {
      locale: args.locale,
      baseUrl: this.config.api.publicBaseUrl,
      ...(args.version !== undefined ? { pathVersion: args.version } : {}),
      print: args.print,
      today: r.today,
      ...(args.notice ? { notice: args.notice } : {}),
    });
    res
      .status(args.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(html);
  }

  @Get(':unit/:month')
  async latest(
    @Param('unit') unit: string,
    @Param('month') month: string,
    @Query() q: Record<string, unknown>,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    const locale = localeOf(q.lang, accept);
    const notice: PageNotice | undefined = q.scored === '1' ? { kind: 'ok', text: t('page.scored_ok', {}, locale) } : undefined;
    await this.page(res, { unit, month, locale, print: q.print === '1', ...(notice ? { notice } : {}) });
  }

  @Get(':unit/:month/:version')
  async version(
    @Param('unit') unit: string,
    @Param('month') month: string,
    @Param('version') version: string,
    @Query() q: Record<string, unknown>,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: Response,
  ) {
    const locale = localeOf(q.lang, accept);
    const m = /^v([1-9]\d{0,3})$/.exec(version);
    if (!m) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send(`${t('publicity/not_found', {}, locale)}\n`);
      return;
    }
    await this.page(res, { unit, month, version: Number(m[1]), locale, print: q.print === '1' });
  }

  @Post(':unit/:month/score')
  async score(
    @Param('unit') unit: string,
    @Param('month') month: string,
    @Body() body: unknown,
    @Query() q: Record<string, unknown>,
    @Headers('accept-language') accept: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const locale = localeOf(q.lang, accept);
    const fail = (code: ErrorCode) =>
      this.page(res, { unit, month, locale, print: false, notice: { kind: 'error', text: t(code, {}, locale) }, status: httpStatusOf(code) });
    // A browser's form post names its origin: another site's page may not post here.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      if (originHost(origin) !== req.headers.host?.toLowerCase()) return fail('input/invalid');
    }
    if (!this.window.take(req.ip ?? 'unknown')) return fail('publicity/code_locked');
    const r = await this.uow.run((w) => this.publicity.scoreByCode.execute(w, body));
    if (!r.ok) return fail(r.code);
    res.redirect(303, `${publicPath(unit, month)}?scored=1${locale === 'en' ? '&lang=en' : ''}#${encodeURIComponent(r.value.needCode)}`);
  }
}
