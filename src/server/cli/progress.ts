import cliProgress from 'cli-progress';
import type { ProgressReporter } from '../reference/load-reference.js';

/**
 * Shows progress of long work: a bar on a terminal, and a line per quarter done when the output
 * is a log file or a pipe (as under CI or a process manager).
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): {
  report: ProgressReporter;
  stop(): void;
} {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{step} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, stream, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let current = '';
    return {
      report(step, done, total) {
        if (step !== current) {
          if (current) bar.stop();
          current = step;
          bar.start(total, done, { step });
        } else bar.update(done, { step });
      },
      stop: () => {
        if (current) bar.stop();
      },
    };
  }
  let lastStep = '';
  let lastQuarter = -1;
  return {
    report(step, done, total) {
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
      if (step !== lastStep || quarter !== lastQuarter) {
        lastStep = step;
        lastQuarter = quarter;
        stream.write(
          `${step}: ${String(done)}/${String(total)} (${String(Math.round((done / Math.max(total, 1)) * 100))}%)\n`,
        );
      }
    },
    stop: () => {},
  };
}
