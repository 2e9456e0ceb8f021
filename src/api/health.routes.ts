import { Router } from 'express';

export interface HealthStatus {
  status: 'ok' | 'degraded';
  engine: string;
  opslag: 'sqlite' | 'postgres';
  /** Profiles in the mirror (in this instance's index while the store cannot be reached). */
  profielen: number;
  /** True when the mirror holds the synthetic demo data, never real people. */
  demo: boolean;
  versie: string;
  /** The change log position this instance's index has reached (null: not built yet). */
  volgnummer: number | null;
  /** How far this instance is behind the newest change it knows of. */
  achterstand: { volgnummers: number; ms: number };
  /** With a shared index (Meilisearch): whether this instance is the one writing it. */
  indexschrijver?: boolean;
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
