import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModelBackedNlu, type FallbackReason } from './model-backed-nlu.js';
import { RuleBasedNlu } from './rule-based-nlu.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A stand-in for an OpenAI-compatible endpoint on 127.0.0.1; each test sets its behaviour. */
class StubModelServer {
  private server: Server | null = null;
  private readonly open = new Set<ServerResponse>();
  handler: Handler = (_req, _body, res) => res.end();
  requests: Array<{ url: string; auth: string | undefined; body: unknown }> = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.requests.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(body) as unknown });
        this.open.add(res);
        res.on('close', () => this.open.delete(res));
        this.handler(req, body, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function chatReply(content: string): string {
  return JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
}

describe('ModelBackedNlu', () => {
  const rules = new RuleBasedNlu();
  const stub = new StubModelServer();
  let baseUrl = '';
  const text = '老人不会用手机挂号，想请人教一教';
  const ruleAnswer = rules.understand(text);

  beforeAll(async () => {
    baseUrl = await stub.start();
  });
  afterAll(async () => {
    await stub.stop();
  });
  beforeEach(() => {
    stub.requests = [];
  });

  function nlu(timeoutMs = 1000): { nlu: ModelBackedNlu; fallbacks: FallbackReason[] } {
    const fallbacks: FallbackReason[] = [];
    return { nlu: new ModelBackedNlu(rules, { baseUrl, model: 'tiny', apiKey: 'sk-test', timeoutMs }, { onFallback: (r) => fallbacks.push(r) }), fallbacks };
  }

  it("uses the model's category, beneficiary and urgency, and the rules' extractions", async () => {
    stub.handler = (_req, _body, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(chatReply('```json\n{"category": "health", "confidence": 0.9, "beneficiary": "elderly", "urgency": "normal"}\n```'));
    };
    const { nlu: model, fallbacks } = nlu();
    const u = await model.understand(`${text}，电话13812345678`);
    expect(u).toMatchObject({ category: 'health', confidence: 0.9, beneficiary: 'elderly', urgency: 'normal', phone: '13812345678', source: 'model' });
    expect(u.alternatives.map((a) => a.code)).not.toContain('health');
    expect(u.alternatives[0]!.code).toBe(ruleAnswer.category);
    expect(fallbacks).toEqual([]);

    const sent = stub.requests[0]!;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer sk-test');
    expect(JSON.stringify(sent.body)).toContain('"model":"tiny"');
    expect(JSON.stringify(sent.body)).toContain('- emergency: 应急救援');
  });

  it('sends the endpoint the message with phones, names and addresses masked; the rules still read them', async () => {
    stub.handler = (_req, _body, res) => res.end(chatReply('{"category": "elderly", "confidence": 0.8}'));
    const message =
      '幸福小区3号楼2单元501室的王奶奶腿脚不便，想请人帮忙买菜。我叫张伟，电话１３８ １２３４ ５６７８，或者打0510-87654321找刘阿姨。My name is Ann Lee, Room 12, 18 Maple Street, +86 139-1234-5678';
    const u = await nlu().nlu.understand(message);
    expect(u).toMatchObject({
      source: 'model',
      phones: ['13812345678', '051087654321', '13912345678'],
      place: { community: '幸福小区', building: '3', unit: '2', room: '501' },
    });

    const sent = stub.requests[0]!.body as { messages: Array<{ role: string; content: string }> };
    const user = sent.messages.find((m) => m.role === 'user')!.content;
    for (const secret of [
      '13812345678',
      '１３８',
      '1234',
      '5678',
      '87654321',
      '0510',
      '幸福小区',
      '501',
      '王',
      '张伟',
      '刘',
      'Ann',
      'Lee',
      'Maple',
      'Room 12',
    ]) {
      expect({ secret, leaked: user.includes(secret) }).toEqual({ secret, leaked: false });
    }
    expect(user).toBe(
      '[地址]的[姓名]奶奶腿脚不便，想请人帮忙买菜。我叫[姓名]，电话[电话]，或者打[电话]找[姓名]阿姨。My name is [姓名], [地址], [地址], [电话]',
    );
    // Nothing of the need is lost: what it is about, and for whom, still reaches the model.
    expect(user).toContain('腿脚不便，想请人帮忙买菜');
    expect(JSON.stringify(sent)).not.toContain('13812345678');
  });

  it("never lowers the rules' urgency", async () => {
    stub.handler = (_req, _body, res) => res.end(chatReply('{"category": "repair", "confidence": 0.7, "beneficiary": "none", "urgency": "normal"}'));
    const u = await nlu().nlu.understand('水管冻裂了，家里到处是水！！');
    expect(u).toMatchObject({ category: 'repair', urgency: 'urgent', source: 'model' });
  });

  it("always carries the rules' danger assessment: a model may raise its level, never lower it", async () => {
    stub.handler = (_req, _body, res) => res.end(chatReply('{"category": "repair", "confidence": 0.7, "urgency": "normal", "danger": "none"}'));
    const fire = await nlu().nlu.understand('厨房着火了快来人');
    expect(fire).toMatchObject({ urgency: 'urgent', source: 'model', danger: { level: 'likely', families: ['fire'], lifeThreatening: true } });
    expect(fire.danger).toEqual(rules.understand('厨房着火了快来人').danger);

    stub.handler = (_req, _body, res) => res.end(chatReply('{"category": "elderly", "confidence": 0.7, "urgency": "normal", "danger": "likely"}'));
    const raised = await nlu().nlu.understand(text);
    expect(raised).toMatchObject({ category: 'elderly', urgency: 'urgent', danger: { level: 'likely', signals: [], families: [], lifeThreatening: true } });

    stub.handler = (_req, _body, res) => res.end(chatReply('{"category": "elderly", "confidence": 0.7, "danger": "catastrophic"}'));
    expect((await nlu().nlu.understand(text)).danger).toEqual(ruleAnswer.danger);
    const sent = JSON.stringify(stub.requests[0]!.body);
    expect(sent).toContain('danger');
  });

  it('falls back to the rules when the model is slow', async () => {
    stub.handler = (_req, _body, res) => {
      setTimeout(() => res.end(chatReply('{"category": "health"}')), 2000).unref();
    };
    const { nlu: model, fallbacks } = nlu(150);
    const started = Date.now();
    const u = await model.understand(text);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(u).toEqual(ruleAnswer);
    expect(fallbacks).toEqual(['timeout']);
  });

  it('falls back to the rules on HTTP 500', async () => {
    stub.handler = (_req, _body, res) => {
      res.statusCode = 500;
      res.end('{"error": "overloaded"}');
    };
    const { nlu: model, fallbacks } = nlu();
    expect(await model.understand(text)).toEqual(ruleAnswer);
    expect(fallbacks).toEqual(['http']);
  });

  it.each([
    ['a body that is not JSON', 'this is not json {'],
    ['no choices', '{"object": "chat.completion"}'],
    ['content without JSON', chatReply('I think it is about phones.')],
    ['broken JSON in the content', chatReply('{"category": "health", ')],
    ['a category that is not configured', chatReply('{"category": "astrology", "confidence": 0.99}')],
  ])('falls back to the rules on garbage: %s', async (_label, reply) => {
    stub.handler = (_req, _body, res) => res.end(reply);
    const { nlu: model, fallbacks } = nlu();
    expect(await model.understand(text)).toEqual(ruleAnswer);
    expect(fallbacks).toEqual(['invalid-response']);
  });

  it('falls back to the rules when nothing listens', async () => {
    const fallbacks: FallbackReason[] = [];
    const model = new ModelBackedNlu(rules, { baseUrl: 'http://127.0.0.1:9/v1', model: 'tiny', timeoutMs: 1000 }, { onFallback: (r) => fallbacks.push(r) });
    expect(await model.understand(text)).toEqual(ruleAnswer);
    expect(fallbacks).toEqual(['network']);
  });

  it('answers with the rules alone when no provider is configured', async () => {
    const model = new ModelBackedNlu(rules, null);
    expect(model.enabled).toBe(false);
    expect(await model.understand(text)).toEqual(ruleAnswer);
    expect(stub.requests).toEqual([]);
  });

  it("keeps the rules' fields the model does not give", async () => {
    stub.handler = (_req, _body, res) => res.end(chatReply('{"category": "science", "beneficiary": "aliens"}'));
    const u = await nlu().nlu.understand(text);
    expect(u).toMatchObject({ category: 'science', confidence: 0.8, beneficiary: ruleAnswer.beneficiary, urgency: ruleAnswer.urgency, source: 'model' });
  });
});
