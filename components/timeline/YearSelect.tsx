"use client";

/** A menu of years (the window's start, the dates compared): the year of `value` is chosen. */
export function YearSelect({ value, years, onYear, testId }: { value: string; years: readonly string[]; onYear(year: string): void; testId: string }) {
  return (
    <select value={value.slice(0, 4)} onChange={(e) => onYear(e.target.value)} data-testid={testId}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}
