/** Methods that choose how the bot receives updates: getUpdates, and the webhook methods. */
import type { ServerResponse } from 'node:http';
import type { WebhookInfo } from 'grammy/types';
import { ApiError, badRequest, type Params } from '../request.js';
import { writeJson } from '../transport.js';
import type { WebhookConfig } from '../webhook.js';
import type { MethodContext } from './context.js';

export function getUpdates(ctx: MethodContext, p: Params, res: ServerResponse): void {
  if (ctx.delivery.webhookConfig !== undefined) {
    throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const offset = p.int('offset') ?? 0;
  const limitParam = p.int('limit') ?? 100;
  const timeout = p.int('timeout') ?? 0;
  if (Number.isNaN(offset) || Number.isNaN(limitParam) || Number.isNaN(timeout)) throw badRequest('wrong parameter type');
  const limit = Math.min(100, Math.max(1, limitParam));
  ctx.delivery.setAllowedUpdates(p.json('allowed_updates'));
  ctx.delivery.poll(res, offset, limit, timeout);
}

export function setWebhook(ctx: MethodContext, p: Params): true {
  const url = p.str('url') ?? '';
  if (url === '') return deleteWebhook(ctx, p);
  const config = webhookConfigOf(url, p);
  ctx.delivery.setAllowedUpdates(p.json('allowed_updates'));
  ctx.delivery.setWebhook(config, p.bool('drop_pending_updates'));
  return true;
}

/**
 * setWebhook as Telegram's server runs it (Client::process_set_webhook_query), with
 * webhookVerifyMs > 0: a changed webhook takes effect at once but is answered only after
 * "verification"; a setWebhook arriving meanwhile terminates the waiting one with a 409; an
 * identical one with none waiting is answered at once and changes nothing.
 */
export function setWebhookVerified(ctx: MethodContext, p: Params, res: ServerResponse): void {
  const url = p.str('url') ?? '';
  if (url === '') {
    ctx.delivery.terminateHeldSetWebhook();
    writeJson(res, 200, { ok: true, result: deleteWebhook(ctx, p) });
    return;
  }
  const config = webhookConfigOf(url, p);
  const terminated = ctx.delivery.terminateHeldSetWebhook();
  const current = ctx.delivery.webhookConfig;
  const drop = p.bool('drop_pending_updates');
  ctx.delivery.setAllowedUpdates(p.json('allowed_updates'));
  const same = current?.url === config.url && current.secretToken === config.secretToken && current.maxConnections === config.maxConnections;
  if (!terminated && !drop && same) {
    writeJson(res, 200, { ok: true, result: true, description: 'Webhook is already set' });
    return;
  }
  ctx.delivery.setWebhook(config, drop);
  ctx.delivery.holdSetWebhook(res, ctx.webhookVerifyMs);
}

function webhookConfigOf(url: string, p: Params): WebhookConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('invalid webhook URL specified');
  }
  // Telegram requires HTTPS; the fake accepts http because test webhooks listen on 127.0.0.1 without TLS.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  const secretToken = p.str('secret_token');
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
  const maxConnections = p.int('max_connections');
  return { url, secretToken, maxConnections: maxConnections === undefined || Number.isNaN(maxConnections) ? undefined : maxConnections };
}

export function deleteWebhook(ctx: MethodContext, p: Params): true {
  ctx.delivery.deleteWebhook(p.bool('drop_pending_updates'));
  return true;
}

export function getWebhookInfo(ctx: MethodContext): WebhookInfo {
  return ctx.delivery.webhookInfo();
}
