/** One answer the driver got: its HTTP status, or 0 when the request failed without one. */
export interface DriverAnswer {
  at: number;
  status: number;
}

export interface Driver {
  answers: DriverAnswer[];
  changes(): number;
  stop(): Promise<void>;
}

/**
 * An admin who keeps changing roles (MEMBER ↔ EXTERNAL, round the given people) as fast as the
 * server answers, with the version it last saw; a conflict tells it the current one. Every
 * answer is kept with its time, to compare against the outage windows.
 */
export function startDriver(
  baseUrl: string,
  cookie: string,
  orgId: string,
  people: Map<string, { role: string; version: number }>,
): Driver {
  const answers: DriverAnswer[] = [];
  const ids = [...people.keys()];
  let running = true;
  let changes = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const userId = ids[i % ids.length]!;
      const known = people.get(userId)!;
      const role = known.role === 'MEMBER' ? 'EXTERNAL' : 'MEMBER';
      let status = 0;
      try {
        const response = await fetch(`${baseUrl}/api/orgs/${orgId}/members/${userId}`, {
          method: 'PATCH',
          headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
          body: JSON.stringify({ role, version: known.version }),
          signal: AbortSignal.timeout(8_000),
        });
        status = response.status;
        const body = (await response.json().catch(() => null)) as RoleAnswer | null;
        if (status === 200) {
          if (body?.role && body.version) people.set(userId, { role: body.role, version: body.version });
          changes++;
        }
        const current = body?.error?.details?.current;
        if (status === 409 && current) people.set(userId, { role: current.role, version: current.version });
      } catch {
        // No answer (a node died mid-request, or the balancer had nowhere to send it).
      }
      answers.push({ at: Date.now(), status });
      await new Promise((resolve) => setTimeout(resolve, status === 200 ? 30 : 100));
    }
  })();
  return {
    answers,
    changes: () => changes,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** What a role change answers: the member on 200, the current state inside a 409. */
type RoleAnswer = {
  role?: string;
  version?: number;
  error?: { details?: { current?: { role: string; version: number } } };
};
