/**
 * Category-axis labels that wrap onto several lines instead of being cut
 * off or overlapping: Chinese names are split every `maxChars` characters.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  // Numbers and Latin words stay whole ("2017", "PPP"); Chinese may break between any two characters.
  const tokens = text.match(/[A-Za-z0-9.%-]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && [...line].length + [...tok].length > maxChars) {
      lines.push(line);
      line = '';
    }
    line += tok;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export const LINE_HEIGHT = 15;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** For a vertical (category) Y axis: right-aligned, centred on the tick. */
export function WrappedYTick({ x, y, payload, maxChars }: TickProps & { maxChars: number }) {
  const lines = wrapLabel(String(payload?.value ?? ''), maxChars);
  const top = Number(y) - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={Number(x) - 6} y={top} textAnchor="end" dominantBaseline="middle" fontSize={13} fill="#1f2933">
      {lines.map((l, i) => (
        <tspan key={i} x={Number(x) - 6} dy={i === 0 ? 0 : LINE_HEIGHT}>
          {l}
        </tspan>
      ))}
    </text>
  );
}
