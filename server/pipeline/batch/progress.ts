import cliProgress from 'cli-progress';

// Progress of a batch on stderr (stdout carries --jsonl output): a bar on a terminal, a plain line every
// few seconds otherwise, nothing with --quiet. Three phases: reading (files), grouping and auditing
// (documents).

export type ProgressMode = 'bar' | 'lines' | 'quiet';

export const progressMode = (quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressMode =>
  quiet ? 'quiet' : stream.isTTY ? 'bar' : 'lines';

const LINE_EVERY_MS = 2000;

export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private phaseName = '';
  private total = 0;
  private done = 0;
  private sentences = 0;
  private started = 0;
  private lastLine = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly out: NodeJS.WritableStream = process.stderr,
  ) {}

  phase(name: string, total: number, unit: string): void {
    this.end();
    this.phaseName = name;
    this.total = total;
    this.done = 0;
    this.sentences = 0;
    this.started = Date.now();
    this.lastLine = this.started;
    if (this.mode === 'bar') {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${name.padEnd(8)} [{bar}] {value}/{total} ${unit} | {rate} sentences/s | ETA {eta_formatted}`,
          stream: this.out,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { rate: 0 });
    } else if (this.mode === 'lines') this.line(`${name}: 0/${total} ${unit}`);
  }

  tick(units: number, sentences: number): void {
    this.done += units;
    this.sentences += sentences;
    const now = Date.now();
    const rate = Math.round(this.sentences / Math.max(0.001, (now - this.started) / 1000));
    if (this.bar) this.bar.update(this.done, { rate });
    else if (this.mode === 'lines' && now - this.lastLine >= LINE_EVERY_MS) {
      this.lastLine = now;
      const eta = this.done ? Math.round((((now - this.started) / this.done) * (this.total - this.done)) / 1000) : 0;
      this.line(`${this.phaseName}: ${this.done}/${this.total}, ${rate} sentences/s, ETA ${eta}s`);
    }
  }

  end(): void {
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    } else if (this.mode === 'lines' && this.phaseName) {
      const secs = (Date.now() - this.started) / 1000;
      this.line(`${this.phaseName}: ${this.done}/${this.total} done in ${secs.toFixed(1)}s`);
    }
    this.phaseName = '';
  }

  /** A message that must not be overwritten by the bar (refused records, warnings). */
  note(msg: string): void {
    if (this.mode === 'quiet') return;
    if (this.bar) {
      // cli-progress redraws on the same line: clear it, print, let the next update redraw
      this.out.write(`\r\x1b[K${msg}\n`);
    } else this.line(msg);
  }

  private line(s: string): void {
    this.out.write(s + '\n');
  }
}
