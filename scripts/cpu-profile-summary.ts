// Sums a V8 `.cpuprofile` (node --cpu-prof) into self time per part: a package under
// node_modules, one of our files, or one of V8's own nodes (GC, program, idle). Idle is left out
// of the shares. Usage: tsx scripts/cpu-profile-summary.ts <file.cpuprofile> [--top=30]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part a frame belongs to: `pkg:<name>`, our file (repo-relative), `node:<module>`, or V8's own. */
function partOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName === '' ? '(native)' : `(${functionName.replace(/^\(|\)$/g, '')})`;
  if (url.startsWith('wasm://')) return 'wasm';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg:${pkg[1]}`;
  if (url.startsWith('node:')) return url;
  const ours = /\/(apps|libs)\/(.*)$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

function ours(frame: ProfileNode['callFrame']): boolean {
  return /\/(apps|libs)\//.test(frame.url) && !frame.url.includes('node_modules') && !frame.url.includes('/generated/');
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx scripts/cpu-profile-summary.ts <file.cpuprofile> [--top=30] [--via=<part>]');
  const opt = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const top = Number(opt('top') ?? 30);
  const via = opt('via');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Our nearest function on the stack, else (after an await) the nearest frame outside the part.
  const callerOf = (id: number, part: string): string => {
    let outside: string | undefined;
    for (let cur = parent.get(id); cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const name = `${f.functionName || '(anonymous)'} ${partOf(f)}:${f.lineNumber + 1}`;
      if (ours(f)) return name;
      if (outside === undefined && partOf(f) !== part && f.url) outside = `(after an await) ${name}`;
    }
    return outside ?? '(no caller)';
  };
  const self = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    const part = partOf(node.callFrame);
    if (via !== undefined && part !== via) return;
    const key = via === undefined ? part : callerOf(id, part);
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s${via ? `; self time of ${via} by our caller` : ''}`);
  for (const [part, us] of rows) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(7)} s  ${part}`);
}

main();
