// SPDX-License-Identifier: Apache-2.0
// Compliance per rule over recent months as a line chart (rates in %), with its data table.
import type { ComplianceHistory } from '../../api/obligations';
import { LineChart, type ChartSeries } from '../../components/LineChart';
import { formatMonthShort } from '../../zoned_time';

export function ComplianceChart({ history }: { history: ComplianceHistory }) {
  const months = history.months;
  const rules = new Map<string, string>();
  for (const m of months) {
    for (const r of m.rules) if (!rules.has(r.rule_id)) rules.set(r.rule_id, r.title);
  }
  // Rules with nothing due in any month would be empty lines; leave them out.
  const series: ChartSeries[] = [...rules]
    .map(([id, title]) => ({
      id,
      label: title,
      values: months.map((m) => {
        const rate = m.rules.find((r) => r.rule_id === id)?.rate;
        return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
      }),
    }))
    .filter((s) => s.values.some((v) => v !== null));

  if (months.length === 0 || series.length === 0) {
    return (
      <p className="muted">Nothing was due in these months yet, so there is no rate to show.</p>
    );
  }
  return (
    <LineChart
      title="Compliance per rule by month (% of windows met or excused)"
      categories={months.map((m) => formatMonthShort(m.month))}
      series={series}
      yMax={100}
      formatValue={(v) => `${Math.round(v)}%`}
      categoryHeading="Month"
    />
  );
}
