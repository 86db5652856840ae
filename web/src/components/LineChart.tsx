// SPDX-License-Identifier: Apache-2.0
// A small line chart in SVG for a few series over a few categories (e.g. compliance per rule
// over six months). Series differ by colour, dash pattern and marker shape, so they can be told
// apart without colour. The SVG is an image with a summary label; the same numbers are in a
// table beside it (visually hidden until asked for) for screen readers and for reading exact
// values. Missing values (null) break the line.
import { useId, useState } from 'react';

export interface ChartSeries {
  id: string;
  label: string;
  /** One per category; null where there is no value. */
  values: (number | null)[];
}

interface Props {
  title: string;
  /** Category labels along the x axis (e.g. months). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** The y axis runs from 0 to yMax. */
  yMax: number;
  formatValue: (value: number) => string;
  /** Heading of the table's first column. */
  categoryHeading: string;
  /** Horizontal reference lines, each labelled (e.g. where a score's bands begin). */
  thresholds?: readonly { value: number; label: string }[];
}

const kColors = [
  '#0f5c6e',
  '#a3231a',
  '#1d6b3a',
  '#7a4b00',
  '#5b3a8c',
  '#1a61d6',
  '#8a2f6b',
  '#3d4f57',
];
const kDashes = ['', '6 4', '2 3', '10 3 2 3', '', '6 4', '2 3', '10 3 2 3'];
const kWidth = 640;
const kHeight = 260;
const kPad = { top: 16, right: 24, bottom: 36, left: 48 };

function Marker({ index, x, y, color }: { index: number; x: number; y: number; color: string }) {
  switch (index % 4) {
    case 0:
      return <circle cx={x} cy={y} r={4} fill={color} />;
    case 1:
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
    case 2:
      return <path d={`M ${x} ${y - 5} L ${x + 5} ${y + 4} L ${x - 5} ${y + 4} Z`} fill={color} />;
    default: {
      const diamond = `M ${x} ${y - 5} L ${x + 5} ${y} L ${x} ${y + 5} L ${x - 5} ${y} Z`;
      return <path d={diamond} fill={color} />;
    }
  }
}

export function LineChart(props: Props) {
  const { title, categories, series, yMax, formatValue, categoryHeading, thresholds = [] } = props;
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const plotW = kWidth - kPad.left - kPad.right;
  const plotH = kHeight - kPad.top - kPad.bottom;
  const step = categories.length > 1 ? plotW / (categories.length - 1) : 0;
  const xOf = (i: number) => kPad.left + (categories.length > 1 ? i * step : plotW / 2);
  const yOf = (v: number) => kPad.top + plotH - (Math.min(Math.max(v, 0), yMax) / yMax) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);

  function segments(values: readonly (number | null)[]): string[] {
    const paths: string[] = [];
    let current: string[] = [];
    values.forEach((v, i) => {
      if (v === null) {
        if (current.length > 0) paths.push(current.join(' '));
        current = [];
      } else {
        current.push(`${current.length === 0 ? 'M' : 'L'} ${xOf(i)} ${yOf(v)}`);
      }
    });
    if (current.length > 0) paths.push(current.join(' '));
    return paths;
  }

  const summary = `${title}. Line chart of ${series.length} series over ${categories.length} ${
    categoryHeading.toLowerCase()
  }s; the values are in the table that follows.`;

  return (
    <figure className="line-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="line-chart-caption">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${kWidth} ${kHeight}`}
        role="img"
        aria-label={summary}
        className="line-chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={kPad.left}
              x2={kWidth - kPad.right}
              y1={yOf(t)}
              y2={yOf(t)}
              className="line-chart-grid"
            />
            <text x={kPad.left - 8} y={yOf(t) + 4} textAnchor="end" className="line-chart-tick">
              {formatValue(t)}
            </text>
          </g>
        ))}
        {thresholds.map((t) => (
          <g key={`threshold-${t.value}`}>
            <line
              x1={kPad.left}
              x2={kWidth - kPad.right}
              y1={yOf(t.value)}
              y2={yOf(t.value)}
              className="line-chart-threshold"
            />
            <text
              x={kWidth - kPad.right - 4}
              y={yOf(t.value) - 4}
              textAnchor="end"
              className="line-chart-threshold-label"
            >
              {t.label}
            </text>
          </g>
        ))}
        {categories.map((c, i) => (
          <text
            key={c}
            x={xOf(i)}
            y={kHeight - kPad.bottom + 20}
            textAnchor="middle"
            className="line-chart-tick"
          >
            {c}
          </text>
        ))}
        {series.map((s, si) => {
          const color = kColors[si % kColors.length] ?? '#000';
          return (
            <g key={s.id}>
              {segments(s.values).map((d, k) => (
                <path
                  key={k}
                  d={d}
                  fill="none"
                  stroke={color}
                  strokeWidth={2.5}
                  strokeDasharray={kDashes[si % kDashes.length] || undefined}
                />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <g key={i}>
                    <title>{`${s.label}, ${categories[i] ?? ''}: ${formatValue(v)}`}</title>
                    <Marker index={si} x={xOf(i)} y={yOf(v)} color={color} />
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <ul className="line-chart-legend" aria-hidden="true">
        {series.map((s, si) => {
          const color = kColors[si % kColors.length] ?? '#000';
          return (
            <li key={s.id}>
              <svg width="34" height="12" viewBox="0 0 34 12">
                <line
                  x1={1}
                  x2={33}
                  y1={6}
                  y2={6}
                  stroke={color}
                  strokeWidth={2.5}
                  strokeDasharray={kDashes[si % kDashes.length] || undefined}
                />
                <Marker index={si} x={17} y={6} color={color} />
              </svg>
              {s.label}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button-small"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Hide data table' : 'Show data table'}
      </button>
      <div id={`${id}-table`} className={showTable ? 'table-scroll' : 'visually-hidden'}>
        <table className="table table-dense">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeading}</th>
              {series.map((s) => (
                <th key={s.id} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => {
                  const v = s.values[i];
                  const text = v === null || v === undefined ? '—' : formatValue(v);
                  return <td key={s.id}>{text}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
