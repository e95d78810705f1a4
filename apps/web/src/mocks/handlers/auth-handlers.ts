import { http, HttpResponse } from 'msw';
import { SignInSchema, SignUpSchema } from '@roster/contracts';
import { db, setSession } from '../db.ts';
import { MOCK_PASSWORD } from '../fixtures/people.ts';
import { errorResponse } from '../mock-errors.ts';

/** The auth library's endpoints as the server exposes them (errors reshaped into our envelope). */
export const authHandlers = [
  http.post('/api/auth/sign-in/email', async ({ request }) => {
    const body = SignInSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return errorResponse('VALIDATION_FAILED', 'Invalid email', { reason: 'INVALID_EMAIL' });
    const email = body.data.email.toLowerCase();
    const person = db.people.find((p) => p.email === email && p.password === body.data.password);
    if (!person)
      return errorResponse('UNAUTHENTICATED', 'Invalid email or password', { reason: 'INVALID_EMAIL_OR_PASSWORD' });
    setSession(person.id);
    return HttpResponse.json({
      redirect: false,
      token: 'mock-session',
      user: { id: person.id, name: person.name, email: person.email },
    });
  }),
  http.post('/api/auth/sign-up/email', async ({ request }) => {
    const body = SignUpSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return errorResponse('VALIDATION_FAILED', 'Check the name, email and password');
    if (db.people.some((p) => p.email === body.data.email.toLowerCase())) {
      return errorResponse('VALIDATION_FAILED', 'User already exists', { reason: 'USER_ALREADY_EXISTS' });
    }
    const person = {
      id: `usr_${db.people.length + 1}`,
      name: body.data.name,
      email: body.data.email.toLowerCase(),
      password: body.data.password || MOCK_PASSWORD,
    };
    db.people.push(person);
    setSession(person.id);
    return HttpResponse.json({
      token: 'mock-session',
      user: { id: person.id, name: person.name, email: person.email },
    });
  }),
  http.post('/api/auth/sign-out', () => {
    setSession(null);
    return HttpResponse.json({ success: true });
  }),
];
