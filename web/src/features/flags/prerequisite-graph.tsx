import { type ChainEdge, layout, nodeHeight, nodeWidth } from './graph-layout';

/** Cuts a key that would overflow its box. */
const shortened = (key: string) => (key.length > 20 ? `${key.slice(0, 19)}…` : key);

/**
 * The prerequisite chain as a small picture: the flag on the left, an arrow to each flag it needs
 * (labelled with the value needed), and so on down the chain. A text list says the same for
 * screen readers.
 */
export function PrerequisiteGraph(props: { root: string; edges: readonly ChainEdge[] }) {
  if (props.edges.length === 0) return null;
  const { position, width, height } = layout(props.root, props.edges);
  const summary = props.edges
    .map((edge) => `${edge.from} needs ${edge.to} = ${String(edge.value)}`)
    .join('; ');
  return (
    <figure className="flag-graph">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`Prerequisite chain: ${summary}`}
      >
        <defs>
          <marker
            id="flag-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="flag-graph-arrowhead" />
          </marker>
        </defs>
        {props.edges.map((edge) => {
          const from = position.get(edge.from);
          const to = position.get(edge.to);
          if (!from || !to) return null;
          const x1 = from.x + nodeWidth;
          const y1 = from.y + nodeHeight / 2;
          const backwards = to.x <= from.x;
          const x2 = backwards ? to.x + nodeWidth / 2 : to.x;
          const y2 = backwards ? to.y + nodeHeight : to.y + nodeHeight / 2;
          const bend = backwards ? `C ${x1 + 40} ${height}, ${x2} ${height}, ${x2} ${y2}` : `L ${x2} ${y2}`;
          return (
            <g key={`${edge.from}->${edge.to}`}>
              <path className="flag-graph-edge" d={`M ${x1} ${y1} ${bend}`} markerEnd="url(#flag-arrow)" />
              {backwards ? null : (
                <text
                  className="flag-graph-label"
                  x={(x1 + x2) / 2}
                  y={(y1 + y2) / 2 - 4}
                  textAnchor="middle"
                >
                  {shortened(String(edge.value))}
                </text>
              )}
            </g>
          );
        })}
        {[...position].map(([key, at]) => (
          <g key={key} className={key === props.root ? 'flag-graph-node root' : 'flag-graph-node'}>
            <rect x={at.x} y={at.y} width={nodeWidth} height={nodeHeight} rx={5} />
            <text x={at.x + nodeWidth / 2} y={at.y + nodeHeight / 2 + 4} textAnchor="middle">
              {shortened(key)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
