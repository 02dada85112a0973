import type { ActiveSession } from '@/lib/auth/sessions';
import { TableScroll } from './table-scroll';

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
    <TableScroll>
      <table className="w-full text-left text-sm" data-testid="sessions">
        <thead className="border-b text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {labels.device}
            </th>
            <th scope="col" className="py-2 pr-3">
              {labels.address}
            </th>
            <th scope="col" className="py-2 pr-3">
              {labels.signedIn}
            </th>
            <th scope="col" className="py-2 pr-3">
              {labels.lastSeen}
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} className="border-b last:border-0">
              <td className="py-2 pr-3">
                {session.device}
                {session.current && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">{labels.current}</span>}
              </td>
              <td className="py-2 pr-3">{session.address}</td>
              <td className="py-2 pr-3">{format(session.createdAt)}</td>
              <td className="py-2 pr-3">{format(session.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
