/**
 * Request decoding for the fake Bot API: JSON (what grammY sends without files),
 * application/x-www-form-urlencoded and multipart/form-data (what grammY sends with files),
 * plus query-string parameters, which the real Bot API also accepts.
 */
import type { IncomingMessage } from 'node:http';

/** A Bot API error answer: rendered as `{ ok: false, error_code, description, parameters? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
    this.name = 'ApiError';
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

export interface UploadedFile {
  field: string;
  filename: string | undefined;
  contentType: string | undefined;
  size: number;
}

export interface DecodedRequest {
  params: Record<string, unknown>;
  files: UploadedFile[];
}

/** Reads the whole body; the Bot API caps uploads at 50 MB, and so does the fake. */
export function readBody(req: IncomingMessage, maxBytes = 50 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new ApiError(413, 'Request Entity Too Large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function decodeRequest(contentType: string | undefined, body: Buffer, query: URLSearchParams): DecodedRequest {
  const params: Record<string, unknown> = {};
  for (const [key, value] of query) params[key] = value;
  const files: UploadedFile[] = [];
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (body.length === 0) return { params, files };

  if (type === 'application/json' || type === '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('JSON object expected');
    Object.assign(params, parsed);
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
  } else if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    const marker = boundary?.[1] ?? boundary?.[2];
    if (marker === undefined) throw badRequest('multipart boundary is missing');
    decodeMultipart(body, marker.trim(), params, files);
  } else {
    throw badRequest(`unsupported content type ${type}`);
  }
  return { params, files };
}

function decodeMultipart(body: Buffer, boundary: string, params: Record<string, unknown>, files: UploadedFile[]): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  // Bounded by the number of delimiters in the body: each iteration moves `pos` forward.
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--boundary--"
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      if (name !== undefined) {
        if (filename !== undefined) files.push({ field: name, filename, contentType: partType, size: content.length });
        else params[name] = content.toString('utf8');
      }
    }
    pos = next;
  }
}

/**
 * Typed access to Bot API parameters. Form-encoded requests carry every value as a string
 * (numbers, booleans, JSON-serialised objects), JSON requests carry real types: accept both.
 */
export class Params {
  constructor(readonly raw: Readonly<Record<string, unknown>>) {}

  has(key: string): boolean {
    const value = this.raw[key];
    return value !== undefined && value !== null;
  }

  str(key: string): string | undefined {
    const value = this.raw[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** Integer parameter: undefined when absent, NaN when present but not an integer. */
  int(key: string): number | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
    if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
    return NaN;
  }

  /** Float parameter: undefined when absent, NaN when present but not a number. */
  num(key: string): number | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value.trim() !== '') return Number(value);
    return NaN;
  }

  bool(key: string): boolean {
    const value = this.raw[key];
    return value === true || value === 'true' || value === '1' || value === 1;
  }

  /** An object/array parameter, decoding the JSON string form-encoded clients send. */
  json(key: string): unknown {
    const value = this.raw[key];
    if (typeof value !== 'string') return value ?? undefined;
    try {
      return JSON.parse(value);
    } catch {
      throw badRequest(`can't parse ${key} JSON object`);
    }
  }
}
