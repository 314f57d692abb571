// Output that never ends, sent to a file: `yes > f`, `cat /dev/zero > f`, `head -c 100G
// /dev/urandom > f` fill the disk. A pipeline is endless when its first command is, unless a
// later stage bounds it below a gigabyte (`tr -dc a-z < /dev/urandom | head -c 16` is fine).

/** One stage of a pipeline: its literal words and the file it reads on stdin, if any. */
export interface Stage {
  words: readonly string[];
  stdin: string | undefined;
}

const endlessDevice = /^\/dev\/(zero|u?random|full)$/;
const gigabyte = 1024 ** 3;

/** Why writing this pipeline's output to a file fills the disk, or undefined. */
export function fillsDisk(stages: readonly Stage[]): string | undefined {
  const [first, ...rest] = stages;
  if (!first) return undefined;
  const source = endlessSource(first);
  if (!source) return undefined;
  if (rest.some((s) => boundedBelowGigabyte(s) !== false)) return undefined;
  return `${source} writes without end: sent to a file, it fills the disk`;
}

function endlessSource(stage: Stage): string | undefined {
  const [name, ...args] = stage.words;
  if (name === 'yes') return 'yes';
  const reads = [...args.filter((a) => endlessDevice.test(a)), ...(stage.stdin !== undefined && endlessDevice.test(stage.stdin) ? [stage.stdin] : [])];
  if (reads.length === 0 || name === undefined) return undefined;
  const bound = boundedBelowGigabyte(stage);
  if (bound === true) return undefined;
  if (bound === 'huge' || ['cat', 'tr', 'base64', 'od', 'xxd', 'hexdump', 'pv', 'tee'].includes(name)) return `${name} ${reads[0] as string}`;
  return undefined;
}

/** true: `head -c N`/`-n N` with N below a gigabyte; 'huge': a bound of a gigabyte or more; false: no bound. */
function boundedBelowGigabyte(stage: Stage): boolean | 'huge' {
  const [name, ...args] = stage.words;
  if (name !== 'head') return false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const m = /^(?:-c|--bytes=?|-n|--lines=?)(.*)$/.exec(a);
    if (!m) continue;
    const size = bytes(m[1] !== '' ? (m[1] as string) : (args[i + 1] ?? ''));
    if (size === undefined) return 'huge';
    return size < gigabyte ? true : 'huge';
  }
  // `head` alone prints ten lines.
  return true;
}

function bytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([KMGTPE]?)(i?B)?$/i.exec(text.trim());
  if (!m) return undefined;
  const power = ' KMGTPE'.indexOf((m[2] ?? '').toUpperCase() || ' ');
  return Number(m[1]) * 1024 ** Math.max(0, power);
}
