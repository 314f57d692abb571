// The last command's raw output, bounded: a ring of bytes between the OSC 133 C and D marks.
// Appending is a memcpy; nothing interprets the bytes until someone asks for text.

/** A finished command as nl-sh saw it. */
export interface CapturedCommand {
  /** The line bash ran (as submitted at the Enter hook), if known. */
  line: string | undefined;
  status: number;
  /** The last `capacity` bytes of output. */
  output: Buffer;
  /** Total bytes the command wrote, which may exceed output.length. */
  totalBytes: number;
}

/** Keeps the tail of the running command's output and the last finished command. */
export class OutputCapture {
  private ring: Buffer;
  private start = 0;
  private length = 0;
  private total = 0;
  private capturing = false;
  private line: string | undefined;
  private last: CapturedCommand | undefined;

  constructor(private readonly capacity = 1 << 20) {
    this.ring = Buffer.alloc(0);
  }

  /** The line that is about to run (from the Enter hook). */
  noteLine(line: string): void {
    this.line = line;
  }

  /** OSC 133;C: output of a command starts. */
  begin(): void {
    this.capturing = true;
    this.start = 0;
    this.length = 0;
    this.total = 0;
  }

  /** Bytes from the pty while a command runs. */
  append(bytes: Buffer): void {
    if (!this.capturing || bytes.length === 0) return;
    if (this.ring.length === 0) this.ring = Buffer.allocUnsafe(this.capacity);
    this.total += bytes.length;
    const cap = this.capacity;
    if (bytes.length >= cap) {
      bytes.copy(this.ring, 0, bytes.length - cap);
      this.start = 0;
      this.length = cap;
      return;
    }
    const end = (this.start + this.length) % cap;
    const first = Math.min(bytes.length, cap - end);
    bytes.copy(this.ring, end, 0, first);
    if (first < bytes.length) bytes.copy(this.ring, 0, first);
    const overflow = this.length + bytes.length - cap;
    if (overflow > 0) {
      this.start = (this.start + overflow) % cap;
      this.length = cap;
    } else {
      this.length += bytes.length;
    }
  }

  /** OSC 133;D: the command finished with this status; false when none was running. */
  finish(status: number): boolean {
    if (!this.capturing) {
      this.line = undefined;
      return false;
    }
    this.capturing = false;
    this.last = { line: this.line, status, output: this.snapshot(), totalBytes: this.total };
    this.line = undefined;
    return true;
  }

  /** The last finished command, if any. */
  lastCommand(): CapturedCommand | undefined {
    return this.last;
  }

  private snapshot(): Buffer {
    const cap = this.capacity;
    if (this.length === 0) return Buffer.alloc(0);
    if (this.start + this.length <= cap) return Buffer.from(this.ring.subarray(this.start, this.start + this.length));
    return Buffer.concat([this.ring.subarray(this.start), this.ring.subarray(0, (this.start + this.length) % cap)]);
  }
}
