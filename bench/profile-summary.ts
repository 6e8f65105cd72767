// Where a server's CPU time went, from a V8 CPU profile (`node --cpu-prof`): self time grouped by
// package, or by Shipshape's own file for the test-evidence code (so decompression, reading the
// result files, and building and sending the inserts show apart), plus the busiest functions.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf(url: string, functionName: string): string {
  if (!url)
    return functionName === '(garbage collector)'
      ? '(garbage collector)'
      : '(native: JSON, regexp, wasm, program)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  const evidence = /\/src\/(engines\/test-results|modules\/test-evidence)\/(.+)$/.exec(url);
  if (evidence) return `shipshape ${evidence[1]}/${evidence[2]}`;
  const own = /\/src\/(.+)\/[^/]+$/.exec(url);
  if (own) return `shipshape ${own[1]}`;
  if (url.startsWith('node:zlib') || url.includes('zlib')) return 'node zlib';
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** Lines of text: busy CPU seconds, then the largest buckets and functions by self time. */
export function summariseProfile(profile: Profile, top = 18): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += delta;
    const { url, functionName } = node.callFrame;
    const bucket = bucketOf(url, functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + delta);
    const where = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '')}:${node.callFrame.lineNumber ?? 0}`;
    functions.set(where, (functions.get(where) ?? 0) + delta);
  });
  const share = (time: number) => `${((100 * time) / total).toFixed(1).padStart(5)} %`;
  const lines = [`busy CPU in the server process: ${(total / 1e6).toFixed(1)} s (idle excluded)`];
  for (const [bucket, time] of [...buckets].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${share(time)}  ${bucket}`);
  lines.push('busiest functions (self time):');
  for (const [where, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 12))
    lines.push(`${share(time)}  ${where}`);
  return lines;
}
