import { stuurExport } from './api-client';
import { meetHttp, type HttpMeting } from './http-meting';
import { overRonden } from './http-ronden';
import { queryMix } from './querymix';
import { getal, regel, type Regel } from './rapport';
import { bearer, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from './server-proces';

/** Switches the audit recording of the bench server and waits for its acknowledgement. */
function zetAudit(server: ServerProces, aan: boolean): Promise<void> {
  return new Promise((resolve) => {
    server.proces.once('message', () => resolve());
    server.proces.send({ audit: aan });
  });
}

const procent = (n: number) => `${getal(n)}%`;

/**
 * Search throughput at 16 clients with the audit write (one record per search, group commits, durable before the
 * answer) against the same process with it switched off, leg by leg in every round: the budget is that recording
 * every look does not halve search. `ndjson` given: the data dir is empty and gets this export first.
 */
export async function meetAuditkosten(opties: { duurS: number; herhalingen: number; dataDir: string; logBestand: string; ndjson?: string }): Promise<Regel[]> {
  const server = startServer({ dataDir: opties.dataDir, port: await vrijePoort(), logBestand: opties.logBestand, script: 'bench/audit-server.ts', ipc: true });
  try {
    await wachtOpHealth(server, { timeoutMs: 120_000, klaar: (h) => h.status === 'ok' });
    if (opties.ndjson) {
      const sync = await stuurExport(server.basis, opties.ndjson, { volledig: true });
      if (sync.status !== 200) throw new Error(`sync: HTTP ${sync.status}`);
    }
    const paden = queryMix().map((m) => `/api/v1/kandidaten?${m.paginaQuery}`);
    const met: HttpMeting[] = [];
    const zonder: HttpMeting[] = [];
    for (let ronde = 0; ronde < opties.herhalingen; ronde++) {
      await zetAudit(server, true);
      met.push(await meetHttp({ basis: server.basis, paden, headers: bearer(SLEUTELS.werkgever), clients: 16, duurS: opties.duurS }));
      await zetAudit(server, false);
      zonder.push(await meetHttp({ basis: server.basis, paden, headers: bearer(SLEUTELS.werkgever), clients: 16, duurS: opties.duurS }));
    }
    await zetAudit(server, true);
    const fouten = [...met, ...zonder].reduce((n, m) => n + m.fouten, 0);
    const aandeel = overRonden(met.map((m, i) => (100 * m.perSeconde) / zonder[i]!.perSeconde), (v) => v);
    const tekst = (ms: HttpMeting[]) => {
      const d = overRonden(ms, (m) => m.perSeconde).mediaan;
      return `${getal(d)} verzoeken/s, p50 ${getal(overRonden(ms, (m) => m.p50).mediaan, 1)} ms, p99 ${getal(overRonden(ms, (m) => m.p99).mediaan, 1)} ms`;
    };
    return [
      regel('HTTP zoeken, 16 clients, met auditlog', overRonden(met, (m) => m.perSeconde).mediaan, 'verzoeken/s', `${tekst(met)}${fouten > 0 ? `; ${getal(fouten)} FOUTEN` : ''}`),
      regel('dezelfde service, auditlog uitgeschakeld (alleen voor deze meting)', overRonden(zonder, (m) => m.perSeconde).mediaan, 'verzoeken/s', tekst(zonder)),
      regel('HTTP zoeken met auditlog, aandeel van zonder', fouten === 0 ? aandeel.mediaan : 0, '%',
        `${procent(aandeel.mediaan)} (mediaan van ${opties.herhalingen} rondes; spreiding ${procent(100 * aandeel.spreiding)})`, 'auditDoorvoerAandeel'),
    ];
  } finally {
    await server.stop();
  }
}
