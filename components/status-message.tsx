export type Status = { kind: 'error' | 'success'; text: string } | null;

/** The outcome line under a form: announced politely on success, assertively on error. */
export function StatusMessage({ status, className = '' }: { status: Status; className?: string }) {
  if (!status) return null;
  return (
    <p role={status.kind === 'error' ? 'alert' : 'status'} className={`text-sm ${status.kind === 'error' ? 'text-red-700' : 'text-green-700'} ${className}`}>
      {status.text}
    </p>
  );
}
