import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '@baiying/config';
import { withCorrelation } from './correlation.js';
import { LOG_REDACT_PATHS, logFormat } from './logging.js';
import { metricsAccess } from './ops.middleware.js';

const TOKEN = 'a-metrics-token-of-24-chars';

describe('metricsAccess', () => {
  it('with a token: only that bearer token, from anywhere', () => {
    expect(metricsAccess(TOKEN, `Bearer ${TOKEN}`, '203.0.113.9')).toBe(200);
    expect(metricsAccess(TOKEN, `Bearer ${TOKEN}x`, '127.0.0.1')).toBe(401);
    expect(metricsAccess(TOKEN, `Bearer ${TOKEN.slice(1)}`, '127.0.0.1')).toBe(401);
    expect(metricsAccess(TOKEN, `bearer ${TOKEN}`, '127.0.0.1')).toBe(401);
    expect(metricsAccess(TOKEN, `Bearer  ${TOKEN}`, '127.0.0.1')).toBe(401);
    expect(metricsAccess(TOKEN, undefined, '127.0.0.1')).toBe(401);
    expect(metricsAccess(TOKEN, '', '127.0.0.1')).toBe(401);
  });

  it('without a token: loopback callers only, whatever they send', () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(metricsAccess(undefined, undefined, ip)).toBe(200);
    for (const ip of ['10.0.0.7', '::ffff:10.0.0.7', '127.0.0.2', '203.0.113.9', undefined]) expect(metricsAccess(undefined, 'Bearer anything', ip)).toBe(403);
  });
});

describe('log redaction and correlation', () => {
  function capture(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
    const out: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk.toString());
        cb();
      },
    });
    const logger = pino({ redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, mixin: () => ({}) }, stream);
    return {
      logger,
      lines: () =>
        out
          .join('')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }

  it('hides every personal field, at the top level and one down', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        phone: '13800138000',
        address: '幸福小区3号楼',
        text: '我家老人',
        need: { description: '高血压', comment: '很好' },
        from: { username: 'wang', first_name: '王' },
        needId: 'n1',
      },
      'x',
    );
    const [l] = lines();
    expect(l).toMatchObject({
      phone: '[redacted]',
      address: '[redacted]',
      text: '[redacted]',
      need: { description: '[redacted]', comment: '[redacted]' },
      from: { username: '[redacted]', first_name: '[redacted]' },
      needId: 'n1',
    });
    expect(JSON.stringify(l)).not.toMatch(/13800138000|幸福小区|老人|高血压|很好|wang|王/);
  });

  it('hides credentials in request headers', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { headers: { authorization: 'Bearer s3cret', cookie: 'baiying_console=abc', 'x-csrf-token': 'csrf' } },
      res: { headers: { 'set-cookie': 'a=b' } },
    });
    expect(JSON.stringify(lines()[0])).not.toMatch(/s3cret|baiying_console=abc|csrf"|a=b/);
  });

  it('keeps the correlation id through awaits and apart between units of work', async () => {
    const { currentCorrelation } = await import('./correlation.js');
    const seen: Array<string | undefined> = [];
    await Promise.all(
      ['telegram:1', 'job:routing:2'].map((c) =>
        withCorrelation(c, async () => {
          await new Promise((r) => setTimeout(r, 5));
          seen.push(currentCorrelation());
        }),
      ),
    );
    expect(seen.sort()).toEqual(['job:routing:2', 'telegram:1']);
    expect(currentCorrelation()).toBeUndefined();
  });
});

describe('logFormat', () => {
  it('is JSON in production and by default, pretty in development (pino-pretty is a dev dependency here)', () => {
    expect(logFormat(loadConfig({ NODE_ENV: 'test' }))).toBe('json');
    expect(logFormat(loadConfig({ NODE_ENV: 'development' }))).toBe('pretty');
    expect(logFormat(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }))).toBe('json');
    expect(logFormat(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }))).toBe('pretty');
  });
});
