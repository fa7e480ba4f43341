import { z } from 'zod';

/** `GET /api/health`: the engine in use and the version running. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `GET /api/status`: what the background load of the bundled datasets has done. */
export const StatusResponse = z
  .object({
    database: z.enum(['pglite', 'postgres']),
    version: z.string(),
    loading: z.boolean().describe('True while bundled datasets are still loading'),
    datasets: z.array(
      z.object({
        id: z.string(),
        state: z.enum(['pending', 'loading', 'loaded', 'unchanged', 'failed']),
        seconds: z.number().optional().describe('Time the load took, when it ran at this start'),
        error: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'Status' });
export type StatusResponse = z.infer<typeof StatusResponse>;
