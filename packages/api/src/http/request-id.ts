import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Every request's id: the caller's `X-Request-Id` when it is 1–200 characters, else a fresh uuid;
 * echoed in the answer's `X-Request-Id`, logged with every line of the request, and the causation
 * id of a command it carries. Set before anything else runs, whether or not requests are logged.
 */
export const requestId = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && given.length > 0 && given.length <= 200 ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  next();
};
