import type { ReactNode } from 'react';

/**
 * One figure of a results summary, inside a `<dl>`: its label, the value (figures of equal width,
 * `large` for a headline) and an optional note under it, such as the basis it was counted on.
 */
export function Fact({
  label,
  children,
  note,
  testId,
  large = false,
}: {
  label: string;
  children: ReactNode;
  note?: string;
  testId?: string;
  large?: boolean;
}) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className={large ? 'text-xl font-semibold tabular-nums' : 'tabular-nums'} data-testid={testId}>
        {children}
      </dd>
      {note && <dd className="text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
