// A small round-robin HTTP reverse proxy on 127.0.0.1, standing where a load balancer stands in
// front of several bot replicas: each request goes to the next replica in turn, body and
// headers as received (so the secret-token header reaches the bot), the answer goes back
// unchanged. It counts requests per replica and remembers which replica got which Telegram
// update (by update_id), so a test can show that both replicas served traffic and that a
// re-delivered update reached a different replica.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Request header naming the replica (0, 1, …) a request must go to; without it, round robin. */
export const PIN_HEADER = 'x-test-replica';

export interface ProxiedRequest {
  /** Index of the replica in `targets`. */
  replica: number;
  method: string;
  path: string;
  /** The update_id of a Telegram webhook POST (undefined for other requests). */
  updateId: number | undefined;
  status: number;
  /** Why the proxy answered 502 itself (the replica could not be reached). */
  error?: string;
}

export class RoundRobinProxy {
  private readonly server: http.Server;
  // A fresh connection per request: a kept-alive socket the replica closes after its idle
  // timeout (Node's 5 s) just as a request is written would fail that request at the proxy.
  private readonly agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
  private next = 0;
  /** Every request answered, in the order the answers went back. */
  readonly log: ProxiedRequest[] = [];
  /** Requests handed to each replica (answered or not). */
  readonly perReplica: number[];

  constructor(private readonly targets: string[]) {
    if (targets.length === 0) throw new Error('RoundRobinProxy: no targets');
    this.perReplica = targets.map(() => 0);
    this.server = http.createServer((req, res) => this.forward(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The replicas that received the update `updateId`, in the order they answered. */
  replicasOf(updateId: number): number[] {
    return this.log.filter((r) => r.updateId === updateId).map((r) => r.replica);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.agent.destroy();
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    // A test may pin a request to one replica (to re-send an update to each replica for certain).
    const pinned = Number(req.headers[PIN_HEADER] ?? NaN);
    const replica = Number.isInteger(pinned) && pinned >= 0 && pinned < this.targets.length ? pinned : this.next;
    if (replica === this.next) this.next = (this.next + 1) % this.targets.length;
    this.perReplica[replica]!++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = new URL(req.url ?? '/', this.targets[replica]);
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      delete headers[PIN_HEADER];
      const done = (status: number, error?: string) =>
        this.log.push({ replica, method: req.method ?? 'GET', path: req.url ?? '/', updateId: updateIdOf(req, body), status, ...(error ? { error } : {}) });
      const up = http.request(target, { method: req.method, headers, agent: this.agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => done(answer.statusCode ?? 502));
      });
      up.on('error', (err) => {
        done(502, err.message);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`bad gateway: ${err.message}`);
      });
      up.end(body);
    });
  }
}

function updateIdOf(req: http.IncomingMessage, body: Buffer): number | undefined {
  if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').includes('json')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'update_id' in parsed && typeof parsed.update_id === 'number') return parsed.update_id;
  } catch {
    return undefined;
  }
  return undefined;
}
