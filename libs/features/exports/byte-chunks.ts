// Export text encoded straight into a few reusable byte buffers (decision 0048). Before, a batch
// of rows became one string of 0.5–3 MB and then one Buffer: V8 puts a string that large in the
// old generation's large-object space, so every batch added megabytes of old-space garbage that
// only a full collection frees — at a million rows the heap grew by 100–150 MB between them.
// Here a row's text is small and short-lived (young generation), it is encoded into the current
// buffer, and a full buffer goes to the stream and comes back to the pool when the stream's write
// callback says it is consumed: the export's bytes live in a fixed handful of buffers.

/** Bytes per buffer handed to the stream. */
export const CHUNK_BYTES = 256 * 1024;
/** Text gathered before it is encoded (kept well under V8's large-object size). */
const TEXT_CHARS = 16 * 1024;

/** Where filled buffers go: a stream's `write` (false: full, wait for `drained`) and its drain. */
export interface ChunkOut {
  /** Takes a buffer; calls `release` once it no longer reads it. */
  write(bytes: Buffer, release: () => void): boolean;
  drained(): Promise<void>;
}

export class ByteChunks {
  private readonly free: Buffer[] = [];
  private buf: Buffer;
  private used = 0;
  private text = '';
  private full = false;

  constructor(
    private readonly out: ChunkOut,
    private readonly size = CHUNK_BYTES,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** Appends text (synchronous: call `ready` after a batch for the stream's backpressure). */
  add(s: string): void {
    this.text += s;
    if (this.text.length >= TEXT_CHARS) this.encode();
  }

  /** Resolves when the stream can take more (at once unless a write found it full). */
  async ready(): Promise<void> {
    if (!this.full) return;
    this.full = false;
    await this.out.drained();
  }

  /** Sends everything added so far and waits for the stream. */
  async flush(): Promise<void> {
    this.encode();
    this.send();
    await this.ready();
  }

  private encode(): void {
    const s = this.text;
    if (s === '') return;
    this.text = '';
    // At most 3 bytes per UTF-16 code unit.
    if (this.used + s.length * 3 > this.size) this.send();
    if (s.length * 3 > this.size) {
      // A text larger than a buffer (one huge cell): its own buffer.
      if (!this.out.write(Buffer.from(s, 'utf8'), () => undefined)) this.full = true;
      return;
    }
    this.used += this.buf.write(s, this.used, 'utf8');
  }

  private send(): void {
    if (this.used === 0) return;
    const whole = this.buf;
    const bytes = whole.subarray(0, this.used);
    this.buf = this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
    this.used = 0;
    if (!this.out.write(bytes, () => this.free.push(whole))) this.full = true;
  }
}
