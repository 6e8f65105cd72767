import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const releasePhases = planTable('release_phases', {
  purpose: 'The steps from first internal use to general availability, with who is in each',
  fields: {
    name: field.name('Phase, as people quote it (e.g. internal dogfood)'),
    description: field.text('What this phase is meant to prove'),
    sequence: field.int('Order of the phase, from 1', 1, 100, { required: true }),
    stage: field.enum(
      ['internal', 'alpha', 'beta', 'limited-availability', 'general-availability'],
      'Kind of phase',
      { required: true },
    ),
    status: field.enum(['planned', 'in-progress', 'completed', 'rolled-back'], 'Where the phase stands', {
      default: 'planned',
    }),
    audience: field.label('Who gets the software in this phase (e.g. staff, 5% of EU merchants)'),
    rolloutPercentage: field.int('Share of the audience that gets it', 0, 100),
    entryCriteria: field.text('What must be true before the phase starts'),
    exitCriteria: field.text('What must be true to move to the next phase'),
    rollbackPlan: field.text('How the phase is undone if it goes wrong'),
    plannedEnd: field.date('When the phase should be over'),
    completedAt: field.time('When the exit criteria were met'),
  },
});

export const featurePriorities = planTable('feature_priorities', {
  purpose: 'What ships in which phase, in order of importance',
  fields: {
    name: field.name('Feature'),
    description: field.text('What the feature gives users'),
    priority: field.enum(['must-have', 'should-have', 'could-have', 'wont-have'], 'How much it matters now', {
      required: true,
    }),
    releasePhaseId: field.ref(() => releasePhases, 'The phase it first ships in'),
    owner: field.label('Team or person who delivers it'),
    rationale: field.text('Why it has this priority'),
  },
});

export const betaPrograms = planTable('beta_programs', {
  purpose: 'Groups of early users who try the software and report back',
  fields: {
    name: field.name(),
    releasePhaseId: field.ref(() => releasePhases, 'The phase the program runs in'),
    status: field.enum(['planned', 'recruiting', 'running', 'closed'], 'Where the program stands', {
      default: 'planned',
    }),
    selectionCriteria: field.text('Who may join, and how they are chosen'),
    targetParticipants: field.int('How many participants are wanted', 1, 1_000_000),
    enrolledParticipants: field.int('How many have joined', 0, 1_000_000),
    successCriteria: field.text('What the program must show for the phase to end'),
    startDate: field.date('When the program starts'),
    endDate: field.date('When the program ends'),
    owner: field.label('Team or person who runs the program'),
  },
});

export const feedbackCollectionPlans = planTable('feedback_collection_plans', {
  purpose: 'How feedback is gathered from a beta program or phase, and when it last was',
  fields: {
    name: field.name(),
    betaProgramId: field.ref(() => betaPrograms, 'The beta program it gathers feedback from'),
    releasePhaseId: field.ref(() => releasePhases, 'The phase it gathers feedback in'),
    channel: field.enum(
      [
        'in-app-survey',
        'interview',
        'support-tickets',
        'product-analytics',
        'community-forum',
        'email',
        'other',
      ],
      'How feedback arrives',
      { required: true },
    ),
    frequency: field.label('How often it is collected (e.g. weekly)'),
    questions: field.list('What is asked, or what is looked for'),
    owner: field.label('Team or person who reads and acts on it'),
    lastCollectedAt: field.time('When feedback was last collected (reported by the team)'),
    responsesCollected: field.int('Responses gathered so far', 0, 10_000_000),
  },
});

const closedPhases: readonly string[] = ['completed', 'rolled-back'];

export const incrementalAdoptionArea = defineArea({
  number: 25,
  slug: 'incremental-adoption',
  key: 'adoption',
  title: 'Incremental adoption',
  summary: 'Release phases, what ships in each, beta programs and how feedback comes back.',
  tables: { releasePhases, featurePriorities, betaPrograms, feedbackCollectionPlans },
  checks: [
    {
      id: 'adoption.release-phases-planned',
      level: 'bronze',
      title: 'Release phases are planned',
      why: 'Shipping to everyone at once turns every defect into an incident; phases let a few users find problems first.',
      evaluate: ({ releasePhases }) => atLeast(releasePhases, 'release phases', 2),
    },
    {
      id: 'adoption.features-prioritised',
      level: 'bronze',
      title: 'Features are prioritised',
      why: 'Without priorities every feature blocks the first release, and nothing ships early.',
      evaluate: ({ featurePriorities }) => atLeast(featurePriorities, 'prioritised features'),
    },
    {
      id: 'adoption.phase-criteria',
      level: 'silver',
      title: 'Every release phase has an audience, entry and exit criteria and a rollback plan',
      why: 'A phase without exit criteria never ends, and one without a rollback plan cannot be stopped safely.',
      evaluate: ({ releasePhases }) =>
        everyRow('release_phases', releasePhases, 'release phases', (phase) =>
          missingOf(phase, {
            audience: 'no audience',
            entryCriteria: 'no entry criteria',
            exitCriteria: 'no exit criteria',
            rollbackPlan: 'no rollback plan',
          }),
        ),
    },
    {
      id: 'adoption.must-haves-scheduled',
      level: 'silver',
      title: 'Every must-have feature has a phase and an owner',
      why: 'A must-have with no phase or owner is the feature that silently delays the release.',
      evaluate: ({ featurePriorities }) =>
        everyRow(
          'feature_priorities',
          featurePriorities.filter((feature) => feature.priority === 'must-have'),
          'must-have features',
          (feature) => missingOf(feature, { releasePhaseId: 'no release phase', owner: 'no owner' }),
        ),
    },
    {
      id: 'adoption.feedback-for-every-beta',
      level: 'silver',
      title: 'Every beta program has success criteria, an end date and a feedback plan with an owner',
      why: 'A beta nobody listens to is just an early release; feedback needs a channel and someone who reads it.',
      evaluate: ({ betaPrograms, feedbackCollectionPlans }) =>
        everyRow('beta_programs', betaPrograms, 'beta programs', (program) => {
          const problems = missingOf(program, {
            successCriteria: 'no success criteria',
            endDate: 'no end date',
          });
          const plans = feedbackCollectionPlans.filter((plan) => plan.betaProgramId === program.id);
          if (plans.length === 0) problems.push('no feedback plan');
          else if (!plans.some((plan) => plan.owner)) problems.push('no owner for its feedback');
          return problems;
        }),
    },
    {
      id: 'adoption.feedback-collected',
      level: 'gold',
      title: 'Every running or closed beta program collected feedback, within 30 days while it runs',
      why: 'Feedback that was planned but never gathered means the phase moves on without evidence.',
      evaluate: ({ betaPrograms, feedbackCollectionPlans }, { now }) =>
        everyRow(
          'beta_programs',
          betaPrograms.filter((program) => program.status === 'running' || program.status === 'closed'),
          'running or closed beta programs',
          (program) => {
            const collected = feedbackCollectionPlans
              .filter((plan) => plan.betaProgramId === program.id)
              .flatMap((plan) => (plan.lastCollectedAt ? [daysBetween(plan.lastCollectedAt, now)] : []));
            if (collected.length === 0) return 'no feedback collected';
            if (program.status === 'running' && Math.min(...collected) > 30)
              return 'no feedback collected in the last 30 days';
            return null;
          },
        ),
    },
    {
      id: 'adoption.phases-on-schedule',
      level: 'gold',
      title: 'No open release phase is past its planned end, and every completed phase records when',
      why: 'A phase that overruns silently is where incremental adoption stalls into a permanent half-rollout.',
      evaluate: ({ releasePhases }, { now }) => {
        const today = now.toISOString().slice(0, 10);
        return everyRow(
          'release_phases',
          releasePhases.filter((phase) => phase.status !== 'planned'),
          'started release phases',
          (phase) => {
            if (phase.status === 'completed' && !phase.completedAt) return 'completion not recorded';
            if (!closedPhases.includes(phase.status ?? '') && phase.plannedEnd && phase.plannedEnd < today)
              return 'past its planned end';
            return null;
          },
        );
      },
    },
  ],
});
