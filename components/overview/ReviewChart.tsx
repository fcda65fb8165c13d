/**
 * Reviews held on time and late, month by month: a stacked bar chart in plain SVG, with its
 * numbers in words for a screen reader (the table beside it gives every month's numbers). Late
 * is told from on time by a pattern and the legend's words as well as by colour.
 */
import { formatMonth } from '../../lib/dates';
import type { MonthReviews } from '../../lib/tracker/overview';

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 36;
const BOTTOM = 40;
const TOP = 16;

/** A round step for the axis: 1, 2, 5, 10, 20, 50… giving at most 5 lines. */
export function axisStep(max: number): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (max / (step * power) <= 5) return step * power;
  }
}

/** The chart in a sentence: what it shows, the totals and the month with most late. */
export function chartSummary(months: readonly MonthReviews[]): string {
  const onTime = months.reduce((sum, month) => sum + month.onTime, 0);
  const late = months.reduce((sum, month) => sum + month.late, 0);
  const span = `${formatMonth(months[0]!.month)} to ${formatMonth(months[months.length - 1]!.month)}`;
  if (onTime + late === 0) return `No reviews were held from ${span}.`;
  const worst = months.reduce((most, month) => (month.late > most.late ? month : most), months[0]!);
  const lateWords = late === 0 ? 'none late' : `${late} late, most in ${formatMonth(worst.month)} (${worst.late})`;
  return `Reviews held each month from ${span}: ${onTime} on time, ${lateWords}. The table gives each month's numbers.`;
}

/** Late's fill: red with white stripes, so that it is told from on time without colour. */
function LatePattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#d4351c" />
        <rect width="3" height="8" fill="#ffffff" />
      </pattern>
    </defs>
  );
}

export function ReviewChart({ months }: { months: readonly MonthReviews[] }) {
  const max = Math.max(1, ...months.map((month) => month.onTime + month.late));
  const step = axisStep(max);
  const top = Math.ceil(max / step) * step;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / months.length;
  const bar = Math.min(36, slot * 0.6);
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const lines = Array.from({ length: top / step + 1 }, (_, index) => index * step);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-title" aria-describedby="chart-desc" focusable="false">
      <title id="chart-title">Reviews held on time and late, by month</title>
      <desc id="chart-desc">{chartSummary(months)}</desc>
      <LatePattern id="late-pattern" />
      <g aria-hidden="true">
        {lines.map((value) => (
          <g key={value}>
            <line x1={LEFT} x2={WIDTH} y1={y(value)} y2={y(value)} stroke={value === 0 ? '#0b0c0c' : '#b1b4b6'} stroke-width={value === 0 ? 2 : 1} />
            <text x={LEFT - 6} y={y(value) + 5} text-anchor="end" class="chart-axis">
              {value}
            </text>
          </g>
        ))}
        {months.map((month, index) => {
          const x = LEFT + index * slot + (slot - bar) / 2;
          const total = month.onTime + month.late;
          const [year, number] = month.month.split('-');
          const name = formatMonth(month.month).slice(0, 3);
          return (
            <g key={month.month} data-chart-month={month.month}>
              {month.onTime > 0 && <rect class="chart-on-time" x={x} y={y(month.onTime)} width={bar} height={y(0) - y(month.onTime)} fill="#00703c" />}
              {month.late > 0 && (
                <rect class="chart-late" x={x} y={y(total)} width={bar} height={y(month.onTime) - y(total)} fill="url(#late-pattern)" stroke="#d4351c" stroke-width="2" />
              )}
              {total > 0 && (
                <text x={x + bar / 2} y={y(total) - 4} text-anchor="middle" class="chart-value">
                  {total}
                </text>
              )}
              <text x={x + bar / 2} y={HEIGHT - BOTTOM + 18} text-anchor="middle" class="chart-axis">
                {name}
              </text>
              {(index === 0 || number === '01') && (
                <text x={x + bar / 2} y={HEIGHT - BOTTOM + 34} text-anchor="middle" class="chart-axis">
                  {year}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The chart's key, in words beside each swatch. */
export function ChartKey() {
  return (
    <ul class="chart-key">
      <li>
        <svg width="20" height="20" aria-hidden="true" focusable="false">
          <rect width="20" height="20" fill="#00703c" />
        </svg>{' '}
        On time
      </li>
      <li>
        <svg width="20" height="20" aria-hidden="true" focusable="false">
          <LatePattern id="late-key" />
          <rect x="1" y="1" width="18" height="18" fill="url(#late-key)" stroke="#d4351c" stroke-width="2" />
        </svg>{' '}
        Late (held after the review was due)
      </li>
    </ul>
  );
}
