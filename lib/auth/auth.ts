import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from './password';
import { resolveAuthSecret } from './secret';
import { clearAccountFailures, isSignInLocked, recordFailedSignIn } from './throttle';
import { signInSchema } from './schemas';
import { findUserForSignIn } from '@/lib/users/queries';
import { writeAudit } from '@/lib/audit/write';

declare module 'next-auth' {
  interface Session {
    staffUserId: number;
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

/** Too many failures for this account or address; says nothing about whether the account exists. */
class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

// Verifying against a fixed hash when the e-mail is unknown keeps response times alike.
const UNKNOWN_USER_HASH = '$argon2id$v=19$m=19456,t=2,p=1$wAr7jbceBgOP6du0gR2p3g$U/f+hFGEJqZku5kNhhfql086WwLhI4FIGpPRiXAaKbk';

function clientAddress(request: Request | undefined): string | null {
  const forwarded = request?.headers.get('x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || request?.headers.get('x-real-ip') || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
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
        const address = clientAddress(request);
        if (await isSignInLocked(db, email, address)) throw new ThrottledSignIn();
        const user = await findUserForSignIn(db, email);
        const passwordMatches = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, password);
        if (!user || !user.active || !passwordMatches) {
          await recordFailedSignIn(db, email, address);
          return null;
        }
        await db.transaction(async (tx) => {
          await clearAccountFailures(tx, email);
          await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
          await writeAudit(tx, user, {
            action: 'auth.signIn',
            entityType: 'user',
            entityId: user.id,
          });
        });
        return { id: String(user.id), name: user.fullName, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      session.staffUserId = Number(token.sub);
      session.sessionVersion = Number(token.sv);
      return session;
    },
  },
}));
