// The console's client of the API under /api/v1 (same origin, the session in an HttpOnly cookie).
// Every state-changing call carries the session's CSRF token; the server decides role and scope.
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';

// The API's shapes and value lists, as the server's use cases define them (libs/contracts), and
// the ones only the console names (api-types.ts).
export * from '@baiying/contracts';
export * from './api-types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrf(token: string | null): void {
  csrfToken = token;
}

/** What the server's refusals carry: an error code and the text in both languages. */
interface ErrorBody {
  error?: string;
  message?: string;
  messageEn?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function api<T>(method: 'GET' | 'POST' | 'DELETE' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', zhCN['error.network'], en['error.network']);
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e: ErrorBody = isObject(data) ? data : {};
    const message = typeof e.message === 'string' ? e.message : `HTTP ${res.status}`;
    throw new ApiError(
      res.status,
      typeof e.error === 'string' ? e.error : String(res.status),
      message,
      typeof e.messageEn === 'string' ? e.messageEn : message,
    );
  }
  return data as T;
}

/** A query string from the set values only. */
export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
