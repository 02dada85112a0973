import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from './password';
import { resolveAuthSecret } from './secret';
import { checkSignIn, recordFailedSignIn, recordSuccessfulSignIn, UNKNOWN_ADDRESS } from './throttle';
import { loadSessionUser } from './current';
import { endSession, SESSION_MAX_AGE_S, startSession } from './sessions';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { signInSchema } from './schemas';
import { findUserForSignIn } from '@/lib/users/queries';
import { writeAudit } from '@/lib/audit/write';

declare module 'next-auth' {
  interface Session {
    staffUserId: number;
    sessionVersion: number;
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

/** The pair or address is blocked for now; says nothing about whether the account exists. */
class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

// Verifying against a fixed hash when the e-mail is unknown keeps response times alike.
const UNKNOWN_USER_HASH = '$argon2id$v=19$m=19456,t=2,p=1$wAr7jbceBgOP6du0gR2p3g$U/f+hFGEJqZku5kNhhfql086WwLhI4FIGpPRiXAaKbk';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/login' },
  // A wrong password is an expected event (throttled and answered), not a server error to log.
  logger: {
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = getDb();
        // Set by server.ts from the connection and trusted proxies only (lib/http/client-address.ts).
        const address = request?.headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_ADDRESS;
        const verdict = await checkSignIn(db, email, address);
        if (verdict.blocked) throw new ThrottledSignIn();
        // An account under attack slows every attempt on it, the owner's too, but never refuses one.
        if (verdict.delayMs > 0) await pause(verdict.delayMs);
        const user = await findUserForSignIn(db, email);
        const passwordMatches = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, password);
        if (!user || !user.active || !passwordMatches) {
          await recordFailedSignIn(db, email, address);
          return null;
        }
        const sessionId = await db.transaction(async (tx) => {
          if (verdict.pairFailures > 0) await recordSuccessfulSignIn(tx, email, address);
          await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
          await writeAudit(tx, user, {
            action: 'auth.signIn',
            entityType: 'user',
            entityId: user.id,
          });
          return startSession(tx, user.id, { userAgent: request?.headers.get('user-agent') ?? '', address });
        });
        return { id: String(user.id), name: user.fullName, email: user.email, sessionVersion: user.sessionVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, sv: user.sessionVersion, sid: user.sessionId };
      // Every later use: no session at all unless the guard would accept it (signed out, ended,
      // deactivated or changed users get nothing, /api/auth/session included).
      const current = await loadSessionUser(Number(token.sub), Number(token.sv), typeof token.sid === 'string' ? token.sid : '');
      return current ? token : null;
    },
    session({ session, token }) {
      session.staffUserId = Number(token.sub);
      session.sessionVersion = Number(token.sv);
      session.sessionId = String(token.sid);
      return session;
    },
  },
  events: {
    // Signing out ends the server-side session: a copy of the cookie opens nothing afterwards.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (typeof token?.sid === 'string') await endSession(getDb(), token.sid, Number(token.sub));
    },
  },
}));
