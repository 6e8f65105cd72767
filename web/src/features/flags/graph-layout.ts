/** One arrow of the prerequisite chain: `from` needs `to` to evaluate to `value`. */
export interface ChainEdge {
  from: string;
  to: string;
  value: boolean | string | number;
}

export const nodeWidth = 150;
export const nodeHeight = 30;
const columnGap = 60;
const rowGap = 14;
const pad = 8;

/** Each flag of the chain in the column of its distance from the root (the first time it is reached). */
export function layout(root: string, edges: readonly ChainEdge[]) {
  const depth = new Map<string, number>([[root, 0]]);
  const queue = [root];
  while (queue.length) {
    const key = queue.shift() as string;
    for (const edge of edges) {
      if (edge.from === key && !depth.has(edge.to)) {
        depth.set(edge.to, (depth.get(key) ?? 0) + 1);
        queue.push(edge.to);
      }
    }
  }
  const columns: string[][] = [];
  for (const [key, column] of depth) {
    const keys = columns[column] ?? [];
    keys.push(key);
    columns[column] = keys;
  }
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((keys, column) => {
    keys.forEach((key, row) => {
      position.set(key, { x: pad + column * (nodeWidth + columnGap), y: pad + row * (nodeHeight + rowGap) });
    });
  });
  const rows = Math.max(1, ...columns.map((keys) => keys.length));
  return {
    position,
    width: pad * 2 + columns.length * nodeWidth + (columns.length - 1) * columnGap,
    height: pad * 2 + rows * nodeHeight + (rows - 1) * rowGap,
  };
}
