import type { Express } from 'express';

/** The parts of Express 5's router (router 2.x) that describe what is mounted where. */
interface Laag {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  /** Mount path of `app.use()` / `router.use()` layers ('/' when mounted without a path). */
  rawPath?: string | string[];
  name: string;
  handle: { stack?: Laag[] };
}

export interface Route {
  methode: string;
  /** Full path pattern, e.g. '/api/v1/kandidaten/:id'. */
  patroon: string;
  /** The same path with sample values for the parameters, ready to request. */
  pad: string;
  /** Served by express.static. */
  statisch: boolean;
}

const VOORBEELDEN: Record<string, string> = {
  id: '0123456789abcdef0123456789abcdef',
  klantnummer: 'S0000000001',
  facet: 'regio',
  regio: '25',
  periode: '2020-Q2',
};

const lijst = (p: string | string[] | undefined) => (p === undefined ? ['/'] : Array.isArray(p) ? p : [p]);
const verbind = (a: string, b: string) => `${a.replace(/\/$/, '')}/${b.replace(/^\//, '')}`.replace(/\/$/, '') || '/';
const vulIn = (patroon: string) => patroon.replace(/[:*](\w+)/g, (_, naam: string) => VOORBEELDEN[naam] ?? 'x').replace(/[{}]/g, '');

/**
 * Every route and static mount of an app, found by walking `app.router.stack` and the stacks of mounted routers,
 * so a route added anywhere later is enumerated without anyone updating a list.
 */
export function routesVan(app: Express): Route[] {
  const gevonden: Route[] = [];
  const loop = (stack: Laag[], prefix: string) => {
    for (const laag of stack) {
      if (laag.route) {
        for (const pad of lijst(laag.route.path)) {
          for (const methode of Object.keys(laag.route.methods).filter((m) => m !== '_all')) {
            const patroon = verbind(prefix, pad);
            gevonden.push({ methode: methode.toUpperCase(), patroon, pad: vulIn(patroon), statisch: false });
          }
        }
      } else if (laag.handle.stack) {
        for (const pad of lijst(laag.rawPath)) loop(laag.handle.stack, verbind(prefix, pad));
      } else if (laag.name === 'serveStatic') {
        for (const pad of lijst(laag.rawPath)) {
          const patroon = `${verbind(prefix, pad)}/*`;
          gevonden.push({ methode: 'GET', patroon, pad: patroon.replace('*', 'bestaat-niet.css'), statisch: true });
        }
      }
    }
  };
  loop((app as unknown as { router: { stack: Laag[] } }).router.stack, '');
  return gevonden;
}
