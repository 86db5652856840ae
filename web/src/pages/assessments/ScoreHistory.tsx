// SPDX-License-Identifier: Apache-2.0
// PHQ-9 and GAD-7 totals over time (measurement-based care, 001 §3), each with lines where its
// bands begin and the numbers in a table.
import type { Assessment, Instrument } from '../../api/assessments';
import { LineChart } from '../../components/LineChart';
import { shortDate } from './assessment_labels';

const kCharted = ['phq9', 'gad7'];

/** Category labels for the x axis; a second one on the same day gets a number. */
function uniqueLabels(instants: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return instants.map((instant) => {
    const label = shortDate(instant);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

export function ScoreHistory(props: {
  assessments: readonly Assessment[];
  instruments: readonly Instrument[];
}) {
  const charts = kCharted
    .map((id) => {
      const instrument = props.instruments.find((i) => i.id === id);
      const points = props.assessments
        .filter((a) => a.instrument_id === id && a.total !== null)
        .sort((a, b) => a.assessed_at.localeCompare(b.assessed_at));
      return { id, instrument, points };
    })
    .filter((c) => c.points.length > 0);
  if (charts.length === 0) return null;
  return (
    <section aria-labelledby="score-history-heading" className="score-history">
      <h3 id="score-history-heading">Scores over time</h3>
      {charts.map(({ id, instrument, points }) => {
        const title = points[0]?.instrument_title ?? id;
        const yMax = instrument?.total_max ?? Math.max(...points.map((p) => p.total ?? 0), 1);
        const thresholds = (instrument?.bands ?? [])
          .filter((b) => b.min > (instrument?.total_min ?? 0))
          .map((b) => ({ value: b.min, label: b.label }));
        return (
          <LineChart
            key={id}
            title={`${title} total over time`}
            categories={uniqueLabels(points.map((p) => p.assessed_at))}
            series={[{ id, label: `${title} total`, values: points.map((p) => p.total) }]}
            yMax={yMax}
            formatValue={(v) => String(Math.round(v))}
            categoryHeading="Date"
            thresholds={thresholds}
          />
        );
      })}
    </section>
  );
}
