import { Router } from 'express';

export interface HealthStatus {
  status: 'ok' | 'degraded';
  engine: string;
  profielen: number;
  /** True when the mirror holds the synthetic demo data, never real people. */
  demo: boolean;
  versie: string;
  details?: string[];
}

export type HealthBron = () => Promise<HealthStatus>;

export function healthRoutes(bron: HealthBron): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const status = await bron();
    // 200 even when degraded: the process is alive and serves what it can; the body says what is wrong.
    res.json(status);
  });
  return router;
}
