import { maskForModel } from './model.mask.js';
import type { Beneficiary, DangerAssessment, DangerLevel, Understanding, UnderstandOptions, Urgency } from './nlu.types.js';
import { MAX_ALTERNATIVES, type RuleBasedNlu } from './rule-based-nlu.js';

/** An OpenAI-compatible chat endpoint (OpenAI, vLLM, llama.cpp server, Ollama, …). */
export interface ModelProviderConfig {
  /** Base URL up to the API version, e.g. https://api.example.com/v1; "/chat/completions" is appended. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Whole request, body included; default 3000 ms. */
  timeoutMs?: number;
}

export type FallbackReason = 'timeout' | 'http' | 'network' | 'invalid-response';

export interface ModelBackedNluOptions {
  /** Told why the rules' answer was used; for metrics. Never given the message text. */
  onFallback?: (reason: FallbackReason, detail: string) => void;
  fetch?: typeof fetch;
}

export const DEFAULT_MODEL_TIMEOUT_MS = 3000;

const BENEFICIARIES: readonly Beneficiary[] = ['elderly', 'child', 'disabled', 'hardship', 'none'];
const URGENCIES: readonly Urgency[] = ['urgent', 'normal'];
const DANGER_LEVELS: readonly DangerLevel[] = ['none', 'possible', 'likely'];

interface ModelVerdict {
  category: string;
  confidence: number;
  beneficiary?: Beneficiary;
  urgency?: Urgency;
  danger?: DangerLevel;
}

/**
 * The rules' assessment, its level raised to the model's when the model sees more danger. A
 * model that sees immediate danger the rules did not place also makes it life-threatening
 * (unless the rules saw self-harm): the emergency numbers first is the safe answer.
 */
function raiseDanger(rules: DangerAssessment, model: DangerLevel | undefined): DangerAssessment {
  if (model === undefined || DANGER_LEVELS.indexOf(model) <= DANGER_LEVELS.indexOf(rules.level)) return rules;
  return model === 'likely' && !rules.selfHarm ? { ...rules, level: model, lifeThreatening: true } : { ...rules, level: model };
}

class FallbackError extends Error {
  constructor(
    readonly reason: FallbackReason,
    message: string,
  ) {
    super(message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON object in a model's reply, with or without a ```json fence or chatter around it. */
function parseJsonObject(content: string): Record<string, unknown> {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end <= start) throw new FallbackError('invalid-response', 'no JSON object in the reply');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.slice(start, end + 1));
  } catch {
    throw new FallbackError('invalid-response', 'the reply is not valid JSON');
  }
  if (!isRecord(parsed)) throw new FallbackError('invalid-response', 'the reply is not a JSON object');
  return parsed;
}

/**
 * Asks a language model for the category, beneficiary and urgency, and keeps the rules for
 * everything else (phone, time, place are deterministic extractions). Without a provider,
 * or when the model is slow, failing or talks nonsense, the rules' answer is returned as is.
 * Urgency is never lowered by the model: the rules' "urgent" stands. Neither is danger: the
 * answer always carries the rules' danger assessment (signals, families, lifeThreatening,
 * selfHarm); a model may only raise its level, and a `likely` danger makes the need urgent.
 */
export class ModelBackedNlu {
  private readonly fetchFn: typeof fetch;

  constructor(
    private readonly rules: RuleBasedNlu,
    private readonly provider: ModelProviderConfig | null = null,
    private readonly opts: ModelBackedNluOptions = {},
  ) {
    this.fetchFn = opts.fetch ?? globalThis.fetch;
  }

  get enabled(): boolean {
    return this.provider !== null && this.provider.baseUrl.trim() !== '' && this.provider.model.trim() !== '';
  }

  async understand(text: string, opts: UnderstandOptions = {}): Promise<Understanding> {
    const base = this.rules.understand(text, opts);
    if (!this.enabled || !this.provider) return base;
    try {
      const verdict = await this.ask(this.provider, text);
      return this.merge(base, verdict);
    } catch (err) {
      const reason: FallbackReason = err instanceof FallbackError ? err.reason : 'network';
      this.opts.onFallback?.(reason, err instanceof Error ? err.message : String(err));
      return base;
    }
  }

  private prompt(): string {
    const categories = this.rules.categories.map((c) => `- ${c.code}: ${c.nameZh} / ${c.nameEn}`).join('\n');
    return [
      'You route requests that residents send to a volunteer service desk in China.',
      'Phones, names and addresses in the message are replaced by [电话], [姓名] and [地址].',
      'Read the message and answer with one JSON object and nothing else:',
      '{"category": "<code>", "confidence": <0..1>, "beneficiary": "elderly|child|disabled|hardship|none", "urgency": "urgent|normal", "danger": "none|possible|likely"}',
      'category is one of these codes:',
      categories,
      'beneficiary: the group the help is for (elderly, child, disabled, hardship = low income / 低保 / 特困), else none.',
      'urgency: urgent when someone is in danger or help is needed right away, else normal.',
      'danger: likely when someone is in immediate danger now (fire, gas, electric shock, flood, collapse, trapped, fall, unconscious, bleeding, missing person, violence, suicide or self-harm), possible when it may be so, else none.',
    ].join('\n');
  }

  private async ask(provider: ModelProviderConfig, text: string): Promise<ModelVerdict> {
    const controller = new AbortController();
    const timeoutMs = provider.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (provider.apiKey) headers['authorization'] = `Bearer ${provider.apiKey}`;
      let body: unknown;
      try {
        const res = await this.fetchFn(`${provider.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
          method: 'POST',
          headers,
          signal: controller.signal,
          body: JSON.stringify({
            model: provider.model,
            temperature: 0,
            messages: [
              { role: 'system', content: this.prompt() },
              // Never the raw text: phones, names and addresses stay on this machine.
              { role: 'user', content: maskForModel(text) },
            ],
          }),
        });
        if (!res.ok) {
          await res.body?.cancel();
          throw new FallbackError('http', `model endpoint answered ${res.status}`);
        }
        const raw = await res.text();
        try {
          body = JSON.parse(raw);
        } catch {
          throw new FallbackError('invalid-response', 'the endpoint did not answer JSON');
        }
      } catch (err) {
        if (controller.signal.aborted) throw new FallbackError('timeout', `no answer within ${timeoutMs} ms`);
        throw err;
      }
      return this.verdict(body);
    } finally {
      clearTimeout(timer);
    }
  }

  private verdict(body: unknown): ModelVerdict {
    const choices = isRecord(body) ? body['choices'] : undefined;
    const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
    const message = isRecord(first) ? first['message'] : undefined;
    const content = isRecord(message) ? message['content'] : undefined;
    if (typeof content !== 'string') throw new FallbackError('invalid-response', 'no message content in the reply');
    const answer = parseJsonObject(content);
    const category = answer['category'];
    if (typeof category !== 'string' || !this.rules.categories.some((c) => c.code === category)) {
      throw new FallbackError('invalid-response', 'the model named no configured category');
    }
    const confidence = answer['confidence'];
    const beneficiary = answer['beneficiary'];
    const urgency = answer['urgency'];
    const danger = answer['danger'];
    return {
      category,
      confidence: typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? confidence : 0.8,
      beneficiary: BENEFICIARIES.find((b) => b === beneficiary),
      urgency: URGENCIES.find((u) => u === urgency),
      danger: DANGER_LEVELS.find((d) => d === danger),
    };
  }

  private merge(base: Understanding, verdict: ModelVerdict): Understanding {
    // The rules' ranking of the other categories, rescaled to share what the model left.
    const ranked = [{ code: base.category, confidence: base.confidence }, ...base.alternatives].filter((a) => a.code !== verdict.category);
    const restMass = ranked.reduce((sum, a) => sum + a.confidence, 0);
    const scale = restMass > 0 ? (1 - verdict.confidence) / restMass : 0;
    const danger = raiseDanger(base.danger, verdict.danger);
    const urgent = base.urgency === 'urgent' || verdict.urgency === 'urgent' || verdict.category === 'emergency' || danger.level === 'likely';
    return {
      ...base,
      category: verdict.category,
      confidence: verdict.confidence,
      alternatives: ranked.slice(0, MAX_ALTERNATIVES).map((a) => ({ code: a.code, confidence: Math.round(a.confidence * scale * 10000) / 10000 })),
      beneficiary: verdict.beneficiary ?? base.beneficiary,
      urgency: urgent ? 'urgent' : 'normal',
      danger,
      source: 'model',
    };
  }
}
