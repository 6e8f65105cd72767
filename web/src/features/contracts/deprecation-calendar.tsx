import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, Query } from '../../components/ui';
import { type ContractKey, type DeprecationSchedule, useDeprecations } from './queries';

/** Today in UTC (YYYY-MM-DD), the day sunset dates are judged on, as the server judges them. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Soonest sunset first; schedules without a date last. */
function bySunset(a: DeprecationSchedule, b: DeprecationSchedule): number {
  return (a.sunsetOn ?? '9999-12-31').localeCompare(b.sunsetOn ?? '9999-12-31');
}

/** A day of the plan (YYYY-MM-DD) as the reader's locale writes it, kept on that calendar day. */
function Day(props: { at: string | null }) {
  if (!props.at) return <span>—</span>;
  const date = new Date(`${props.at}T00:00:00Z`);
  return (
    <time dateTime={props.at}>
      {date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' })}
    </time>
  );
}

/**
 * The contract's deprecations, soonest sunset first: when consumers were told and when the old
 * behaviour stops; sunsets already past are marked. Uploads add one for each operation a version
 * newly deprecates with a sunset date; the plan may hold others written by hand.
 */
export function DeprecationCalendar(props: { contractKey: ContractKey }) {
  const schedules = useDeprecations(props.contractKey);
  const now = today();
  return (
    <Section id="deprecations" title="Deprecation calendar">
      <Query query={schedules} what="deprecations">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No deprecations scheduled.</Empty>
          ) : (
            <ListTable
              stacked
              caption="Deprecations, soonest sunset first"
              columns={['What', 'Announced', 'Sunset', 'State']}
            >
              {[...page.data].sort(bySunset).map((schedule) => {
                const past = schedule.sunsetOn !== null && schedule.sunsetOn < now;
                return (
                  <tr key={schedule.id} className={past ? 'past' : undefined}>
                    <td data-label="What">{schedule.name}</td>
                    <td data-label="Announced">
                      <Day at={schedule.announcedOn} />
                    </td>
                    <td data-label="Sunset">
                      <Day at={schedule.sunsetOn} />
                    </td>
                    <td data-label="State">
                      {past ? (
                        <span className="status status-past">sunset passed</span>
                      ) : schedule.sunsetOn ? (
                        <span className="muted">{daysUntil(now, schedule.sunsetOn)}</span>
                      ) : (
                        <span className="muted">no sunset date</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </ListTable>
          )
        }
      </Query>
    </Section>
  );
}

function daysUntil(from: string, to: string): string {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return days === 0 ? 'sunset today' : `in ${days} ${days === 1 ? 'day' : 'days'}`;
}
