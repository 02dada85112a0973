import type { ActiveSession } from '@/lib/auth/sessions';
import { Table } from './table';

/** Where a user is signed in: device, address, since when, last seen; their own current one marked. */
export function SessionTable({
  sessions,
  labels,
  format,
}: {
  sessions: ActiveSession[];
  labels: { device: string; address: string; signedIn: string; lastSeen: string; current: string };
  format: (date: Date) => string;
}) {
  return (
    <Table testId="sessions" columns={[labels.device, labels.address, labels.signedIn, labels.lastSeen]}>
      {sessions.map((session) => (
        <tr key={session.id}>
          <td>
            {session.device}
            {session.current && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">{labels.current}</span>}
          </td>
          <td>{session.address}</td>
          <td>{format(session.createdAt)}</td>
          <td>{format(session.lastSeenAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
