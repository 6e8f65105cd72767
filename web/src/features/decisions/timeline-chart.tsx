import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { decisionStatuses } from './lifecycle';

export interface TimelinePoint {
  date: string;
  status: string;
}

const colors: Record<string, string> = {
  draft: '#8a94a3',
  proposed: '#1f5fbf',
  accepted: '#157347',
  rejected: '#b42318',
  deprecated: '#b7791f',
  superseded: '#6b46c1',
};

/** Decisions over time: the running count of decisions taken, one line per status. */
export function TimelineChart(props: { points: TimelinePoint[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || props.points.length === 0) return;
    const days = [...new Set(props.points.map((point) => point.date))].sort();
    const xs = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    const statuses = decisionStatuses.filter((status) =>
      props.points.some((point) => point.status === status),
    );
    const series = statuses.map((status) => {
      let running = 0;
      return days.map((day) => {
        running += props.points.filter((point) => point.date === day && point.status === status).length;
        return running;
      });
    });
    const width = Math.max(300, element.clientWidth - 16);
    const plot = new uPlot(
      {
        width,
        height: 220,
        series: [
          {},
          ...statuses.map((status) => ({
            label: status,
            stroke: colors[status],
            width: 2,
            paths: uPlot.paths.stepped?.({ align: 1 }),
          })),
        ],
        axes: [{}, { label: 'decisions', size: 50 }],
        scales: {
          // One day alone would make a zero-width axis: show a month either side of it.
          x: {
            time: true,
            range: (_plot, min, max) => (min === max ? [min - 30 * 86_400, max + 30 * 86_400] : [min, max]),
          },
          y: { range: (_plot, _min, max) => [0, Math.max(1, max)] },
        },
      },
      [xs, ...series],
      element,
    );
    return () => plot.destroy();
  }, [props.points]);
  return <div className="chart" ref={host} role="img" aria-label={props.label} />;
}
