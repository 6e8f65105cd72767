/** The stages of a merge request, bottom to top in the stacked bars, with the swatch class that colours them. */
export const stages = [
  { key: 'coding', label: 'Coding', className: 'stage-coding', help: 'first commit → opened' },
  { key: 'pickup', label: 'Pickup', className: 'stage-pickup', help: 'opened → first review' },
  { key: 'review', label: 'Review', className: 'stage-review', help: 'first review → merged' },
  { key: 'deploy', label: 'Deploy', className: 'stage-deploy', help: 'merged → in production' },
] as const;

export type StageKey = (typeof stages)[number]['key'];
