// Live updates by Server-Sent Events (decision 0028): one EventSource on /api/v1/events shared
// by the pages that listen. Events name what changed (need or call: id, code, status); a page
// refetches through the scoped routes. After a reconnect ('ready' again) listeners get a resync:
// events sent while the connection was down are not replayed.
import { ref } from 'vue';

export interface LiveChange {
  type: 'need' | 'call';
  id: string;
  code: string;
  status: string;
}

type Handler = (e: LiveChange | { type: 'resync' }) => void;

const handlers = new Set<Handler>();
let source: EventSource | null = null;
let readyOnce = false;
/** Whether the stream is connected (the pages show a "live" tag). */
export const liveConnected = ref(false);

function emit(e: LiveChange | { type: 'resync' }): void {
  for (const h of handlers) h(e);
}

function parse(ev: MessageEvent<string>): LiveChange | null {
  try {
    const d = JSON.parse(ev.data) as Partial<LiveChange>;
    return (d.type === 'need' || d.type === 'call') && typeof d.id === 'string' && typeof d.code === 'string' && typeof d.status === 'string'
      ? { type: d.type, id: d.id, code: d.code, status: d.status }
      : null;
  } catch {
    return null;
  }
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const s = new EventSource('/api/v1/events');
  source = s;
  s.addEventListener('ready', () => {
    liveConnected.value = true;
    if (readyOnce) emit({ type: 'resync' });
    readyOnce = true;
  });
  for (const type of ['need', 'call'] as const) {
    s.addEventListener(type, (ev) => {
      const e = parse(ev);
      if (e) emit(e);
    });
  }
  // The session ended (logout, revoke): stop; the next page load goes to the login.
  s.addEventListener('end', () => closeLive());
  s.addEventListener('error', () => {
    liveConnected.value = false;
    // A refused reconnect (401) closes the EventSource for good: drop it so a later page can retry.
    if (s.readyState === EventSource.CLOSED && source === s) source = null;
  });
}

/** Listens to live changes while the returned function is not called. */
export function onLive(h: Handler): () => void {
  handlers.add(h);
  open();
  return () => {
    handlers.delete(h);
    if (handlers.size === 0) closeLive();
  };
}

export function closeLive(): void {
  source?.close();
  source = null;
  readyOnce = false;
  liveConnected.value = false;
}

/** Runs `fn` at most once per `ms` (the last call wins): bursts of events cost one refetch. */
export function throttled(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
}

/** The login page's stream: `onLogin` when the code was said in chat; `onFail` if SSE is unavailable. */
export function watchLogin(onReady: () => void, onLogin: () => void, onFail: () => void): () => void {
  if (typeof EventSource === 'undefined') {
    onFail();
    return () => undefined;
  }
  const s = new EventSource('/api/v1/auth/login-codes/current/events');
  let done = false;
  const stop = () => {
    done = true;
    s.close();
  };
  s.addEventListener('ready', () => onReady());
  s.addEventListener('login', () => {
    stop();
    onLogin();
  });
  s.addEventListener('error', () => {
    if (done) return;
    stop();
    onFail();
  });
  return stop;
}
