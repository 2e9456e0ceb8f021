import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';
import { OPLEIDINGSNIVEAUS, sonarRecordSchema, tombstoneSchema } from '../sonar/sonar-record.schema';
import { FACETTEN } from '../zoeken/search-engine.port';
import { kandidatenQuerySchema } from '../zoeken/zoekparameters';
import {
  doelgroepregisterTellingSchema, landelijkOverzichtSchema, periodeSchema, periodesSchema, regiorapportSchema, snapshotinfoSchema, trendSchema,
} from '../transparantie/transparantie.schemas';
import { registerBodySchema } from './doelgroepregister.routes';
import { contactverzoekenQuerySchema } from './contactverzoeken.routes';
import { referentieSchema, statusBodySchema, wspQuerySchema } from './wsp.routes';
import { CONTACTVERZOEKSTATUSSEN } from '../contact/contactverzoek';
import { auditQuerySchema } from './audit.routes';
import { AUDITACTIES } from '../audit/auditregel';
import { facetwaardenQuerySchema, profielIdSchema } from './kandidaten.routes';
import { rapportQuerySchema, snapshotBodySchema, trendQuerySchema } from './transparantie.routes';

extendZodWithOpenApi(z);

const klasse = z.enum(['geen', 'beperkt', 'redelijk', 'volledig']);
export const kandidaatprofielSchema = z.object({
  id: z.string().openapi({ description: 'Pseudoniem (HMAC-SHA-256 van het klantnummer), 32 hextekens', example: '3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7' }),
  gemeenteCode: z.string().openapi({ example: 'GM0268' }),
  gemeente: z.string().openapi({ example: 'Nijmegen' }),
  regio: z.number().int().openapi({ example: 25 }),
  regioNaam: z.string().openapi({ example: 'Rijk van Nijmegen' }),
  dienstverlener: z.enum(['UWV', 'gemeente']),
  heeftProfiel: z.boolean(),
  opleidingen: z.array(z.object({ niveau: z.enum(OPLEIDINGSNIVEAUS), richting: z.string().nullable(), diploma: z.boolean().nullable() })),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAUS).nullable(),
  vaardigheden: z.array(z.string()),
  competenties: z.array(z.string()),
  affiniteiten: z.array(z.string()),
  beroepssectoren: z.array(z.string()),
  taaksoorten: z.array(z.string()),
  werkervaring: z.array(z.object({ beroep: z.string(), jaren: z.number() })),
  urenPerWeek: z.number().nullable(),
  dagdelen: z.array(z.string()),
  reisafstandKm: z.number().nullable(),
  rijbewijs: z.array(z.string()),
  eigenVervoer: z.boolean().nullable(),
  profielvulling: z.number().int().min(0).max(5),
  transparantieklasse: klasse,
  bijgewerkt: z.string().openapi({ example: '2020-06-30' }),
  publiek: z.object({
    zichtbaar: z.enum(['ja', 'nee']).openapi({ description: "'nee': een van de hoogstens k-1 profielen die geen generalisatie verbergt; werkgevers vinden het niet" }),
    regio: z.string().openapi({ example: '25' }),
    gemeente: z.string().openapi({ example: 'GM0268' }),
    opleidingsniveau: z.string().openapi({ example: 'mbo-2-3' }),
    uren: z.string().openapi({ example: '24-32' }),
    reisafstand: z.string().openapi({ example: '15' }),
    rijbewijs: z.array(z.string()),
    eigenVervoer: z.string().openapi({ example: 'niet getoond' }),
  }).nullable().openapi({
    description: 'Wat werkgevers en intermediairs van de quasi-identificatoren zien (search-config/privacy.json): de exacte waarde, '
      + 'een grovere (regio, band zoals "24-32" = meer dan 24 tot en met 32, groep) of "niet getoond", zodat elke combinatie door minstens k profielen gedeeld wordt.',
  }),
}).openapi('Kandidaatprofiel');

// Compile-time guard: the documented schema and the domain type describe the same object.
type Gelijk<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const profielSchemaKlopt: Gelijk<z.infer<typeof kandidaatprofielSchema>, Kandidaatprofiel> = true;
void profielSchemaKlopt;

const veldfout = z.object({ pad: z.string(), melding: z.string() });
const foutSchema = z.object({ fout: z.object({ code: z.string(), melding: z.string(), velden: z.array(veldfout).optional() }) }).openapi('Fout');
const telling = z.record(z.string(), z.number().int());
/**
 * What werkgever and intermediair keys get: the quasi-identifiers only as `publiek` has them (exact, generalised, or
 * "niet getoond"), so every combination they see is shared by at least k profiles; the exact fields are absent.
 */
const werkgeversprofielSchema = kandidaatprofielSchema
  .omit({ gemeenteCode: true, gemeente: true, regio: true, regioNaam: true, opleidingsniveau: true, urenPerWeek: true, reisafstandKm: true, rijbewijs: true, eigenVervoer: true, opleidingen: true })
  .extend({
    opleidingen: z.array(z.object({ niveau: z.string().openapi({ description: 'Het niveau zoals publiek.opleidingsniveau het toont: exact, als groep of "niet getoond"' }), richting: z.string().nullable(), diploma: z.boolean().nullable() })),
    publiek: kandidaatprofielSchema.shape.publiek.unwrap(),
  }).openapi('Werkgeversprofiel', { description: 'Een profiel zoals werkgevers en intermediairs het zien (k-anoniem, zie search-config/privacy.json); beheer krijgt het exacte Kandidaatprofiel' });
const gevonden = (profiel: z.ZodObject) => profiel.extend({ _highlights: z.record(z.string(), z.array(z.string())).openapi({ description: 'Per doorzoekbaar veld de waarden met treffers in <mark>…</mark> (HTML-escaped)' }) });
const kandidatenantwoordSchema = z.object({
  hits: z.array(z.union([gevonden(werkgeversprofielSchema), gevonden(kandidaatprofielSchema)])).openapi({ description: 'Werkgever en intermediair: Werkgeversprofielen; beheer: Kandidaatprofielen' }),
  totalHits: z.number().int().openapi({ description: 'Exact aantal gevonden profielen' }),
  page: z.number().int(),
  hitsPerPage: z.number().int(),
  totalPages: z.number().int().openapi({ description: 'Pagina\'s die op te vragen zijn (begrensd door maxTotalHits)' }),
  facetDistribution: z.record(z.enum(FACETTEN), telling).openapi({ description: 'Per gevraagd facet (`facetten`, zonder: alle) per waarde het aantal; disjunctief: de telling van een facet negeert de eigen selectie. Lege onderdelen tellen als "onbekend". Voor werkgever en intermediair tellen regio, gemeente, opleidingsniveau, rijbewijs en eigenVervoer de gegeneraliseerde waarden, en een aantal van 1 tot k-1 wordt niet gegeven.' }),
  facetStats: z.object({ urenPerWeek: z.object({ min: z.number(), max: z.number() }).optional(), reisafstandKm: z.object({ min: z.number(), max: z.number() }).optional() }),
  processingTimeMs: z.number(),
  relaxaties: z.array(z.object({ parameter: z.string(), totalHits: z.number().int() })).openapi({ description: 'Bij weinig resultaten: hoeveel profielen er zonder elk afzonderlijk filter zouden zijn' }),
  labels: z.object({ regio: z.record(z.string(), z.string()), gemeente: z.record(z.string(), z.string()) }).openapi({ description: 'Namen van de regio\'s en gemeenten in facetDistribution (leeg als dat facet niet gevraagd is)' }),
}).openapi('Kandidatenantwoord');
const syncresultaatSchema = z.object({
  modus: z.enum(['bijwerken', 'volledig']),
  ontvangen: z.number().int(), toegevoegd: z.number().int(), bijgewerkt: z.number().int(), ongewijzigd: z.number().int(),
  verwijderd: z.number().int(), geweigerd: z.number().int(), nietInDoelgroepregister: z.number().int(),
  weigeringen: z.array(z.object({ regel: z.number().int().optional(), index: z.number().int().optional(), fouten: z.array(veldfout) })),
  index: z.enum(['bijgewerkt', 'achterstand']),
  volgnummer: z.number().int().openapi({ description: 'Positie van deze sync in het wijzigingslog: lees met ?naSequentie= om hem op elke instantie terug te zien' }),
}).openapi('Syncresultaat');
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']), engine: z.string(), opslag: z.enum(['sqlite', 'postgres']), profielen: z.number().int(), demo: z.boolean(), versie: z.string(),
  volgnummer: z.number().int().nullable().openapi({ description: 'Positie in het wijzigingslog die de zoekindex van deze instantie heeft bereikt' }),
  achterstand: z.object({ volgnummers: z.number().int(), ms: z.number() }),
  indexschrijver: z.boolean().optional().openapi({ description: 'Met een gedeelde index (Meilisearch): of deze instantie hem bijwerkt' }),
  details: z.array(z.string()).optional(),
}).openapi('Health');
/** Read-your-writes over instances: every GET takes it. */
const naSequentieQuery = z.object({
  naSequentie: z.string().regex(/^\d+$/).optional().openapi({ description: 'Wacht (begrensd) tot deze instantie dit volgnummer uit een syncantwoord heeft toegepast; anders 503 met Retry-After' }),
});

const statusSchema = z.enum(CONTACTVERZOEKSTATUSSEN).meta({ description: 'nieuw → in behandeling ⇄ kandidaat benaderd → afgesloten; afgesloten is definitief' });
const contactverzoekSchema = z.object({
  referentie: z.string().meta({ example: 'KV-1A2B-3C4D-5E6F' }),
  profielId: z.string().meta({ description: 'Pseudoniem van de kandidaat' }),
  regio: z.number().int().meta({ description: 'Arbeidsmarktregio van de kandidaat bij het verzoek: het werkgeversservicepunt dat het oppakt' }),
  regioNaam: z.string(),
  ingediend: z.string().meta({ description: 'ISO 8601, UTC' }),
  organisatie: z.string(), contactpersoon: z.string(), email: z.string(), telefoon: z.string(), vacature: z.string(), toelichting: z.string(),
  status: statusSchema,
  afsluitreden: z.string().nullable().meta({ description: 'Waarom het werkgeversservicepunt het afsloot, of "profiel verwijderd"; null zolang het open is' }),
  bijgewerkt: z.string().meta({ description: 'ISO 8601, UTC: de laatste statuswijziging (tot dan: het indienen)' }),
  afgesloten: z.string().nullable().meta({ description: 'ISO 8601, UTC; de bewaartermijn telt vanaf hier' }),
  afzender: z.string().nullable().meta({ description: 'Id van de sleutel die het verzoek verstuurde; null: zonder aanmelding (alleen in ontwikkeling)' }),
}).meta({ id: 'Contactverzoek' });
const contactverzoekenSchema = z.object({
  aantal: z.number().int(),
  contactverzoeken: z.array(contactverzoekSchema),
}).meta({ id: 'Contactverzoeken' });
const eigenContactverzoekenSchema = z.object({
  aantal: z.number().int(),
  contactverzoeken: z.array(z.object({
    referentie: z.string(), profielId: z.string(), vacature: z.string(),
    regioNaam: z.string().nullable().meta({ description: 'Null waar de werkgeversweergave van de kandidaat de regio niet toont (k-anonimiteit) of het profiel weg is' }), status: statusSchema,
    ingediend: z.string().meta({ description: 'ISO 8601, UTC' }), bijgewerkt: z.string().meta({ description: 'ISO 8601, UTC' }),
  })),
}).meta({ id: 'EigenContactverzoeken' });

const auditpaginaSchema = z.object({
  regels: z.array(z.object({
    volgnummer: z.number().int().meta({ description: 'Positie in het auditlog, zonder gaten in volgorde van vastleggen' }),
    tijd: z.string().meta({ description: 'ISO 8601, UTC' }),
    sleutelId: z.string().nullable().meta({ description: 'Id van de API-sleutel (nooit de sleutel); null voor de service zelf en voor pagina\'s in ontwikkeling zonder aanmelding' }),
    rol: z.string().meta({ description: 'Rol van de sleutel, of systeem / ontwikkeling' }),
    actie: z.enum(AUDITACTIES),
    pseudoniemen: z.array(z.string()).meta({ description: 'Getoonde of bekeken profielen; bij zoeken die van de eerste pagina' }),
    aantal: z.number().int().nullable().meta({ description: 'Zoeken: aantal gevonden; opschonen: aantal verwijderd' }),
    details: z.record(z.string(), z.unknown()).meta({ description: 'Gebruikte parameters; getypte tekst (q, vrije filterwaarden) alleen als hmac:<hash>' }),
    vorigeHash: z.string(), hash: z.string().meta({ description: 'SHA-256 over vorigeHash en deze regel: de keten die npm run audit:controleer narekent' }),
  })),
  volgende: z.number().int().nullable().meta({ description: 'Geef mee als ?voor= voor de volgende (oudere) pagina; null: dit was de laatste' }),
}).meta({ id: 'Auditpagina' });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const fouten = {
  400: json(foutSchema, 'Ongeldige invoer; `velden` noemt de parameters of veldpaden'),
  401: json(foutSchema, 'Geen of onbekende API-sleutel'),
  403: json(foutSchema, 'De rol van deze sleutel heeft hier geen toegang'),
  503: json(foutSchema, 'Opslag of zoekmachine tijdelijk niet beschikbaar, of naSequentie nog niet bereikt (met Retry-After)'),
};

/** The OpenAPI 3.1 document of the whole API, generated from the same zod schemas that validate requests. */
export function maakOpenApiDocument(config: SearchConfig, versie: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiSleutel', { type: 'http', scheme: 'bearer', description: 'API-sleutel per rol' });
  const beveiligd = [{ apiSleutel: [] }];

  registry.registerPath({ method: 'get', path: '/health', summary: 'Status van de service (geen sleutel nodig)', responses: { 200: json(healthSchema, 'Status') } });
  registry.registerPath({
    method: 'post', path: '/api/v1/sync/profielen', tags: ['sync'], security: beveiligd,
    summary: 'Sonar-records toevoegen, bijwerken of verwijderen (rol sonar-sync)',
    request: {
      query: z.object({ modus: z.enum(['bijwerken', 'volledig']).optional(), forceer: z.enum(['true', 'false']).optional() }),
      body: { content: { 'application/json': { schema: z.array(z.union([sonarRecordSchema, tombstoneSchema])) }, 'application/x-ndjson': { schema: z.string().openapi({ description: 'Eén Sonar-record of tombstone per regel' }) } } },
    },
    responses: { 200: json(syncresultaatSchema, 'Verwerkt en duurzaam opgeslagen'), ...fouten, 409: json(foutSchema, 'Volledige export zou te veel verwijderen; niets verwerkt'), 413: json(foutSchema, 'Body of regel te groot; niets verwerkt') },
  });
  registry.registerPath({
    method: 'delete', path: '/api/v1/sync/profielen/{klantnummer}', tags: ['sync'], security: beveiligd, summary: 'Eén profiel verwijderen (rol sonar-sync)',
    request: { params: z.object({ klantnummer: sonarRecordSchema.shape.klantnummer }) },
    responses: { 200: json(z.object({ verwijderd: z.number().int(), volgnummer: z.number().int() }), '1 als het profiel bestond, anders 0; en de positie in het wijzigingslog'), ...fouten },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/kandidaten', tags: ['zoeken'], security: beveiligd,
    summary: 'Geanonimiseerde profielen zoeken (rollen werkgever, intermediair, beheer)',
    description: 'Tekst met typfouttolerantie; filters zijn herhaalbaar (OF binnen een facet, EN tussen facetten); de waarde "onbekend" kiest profielen waarin dat onderdeel leeg is. Elk geteld facet kost tijd: vraag met `facetten` alleen wat u toont (de zoekpagina vraagt er acht). Met `Accept-Encoding: br` of `gzip` komt het antwoord gecomprimeerd (~6 in plaats van ~26 KB).',
    request: { query: kandidatenQuerySchema(config) },
    responses: { 200: json(kandidatenantwoordSchema, 'Zoekresultaat'), ...fouten },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/kandidaten/{id}', tags: ['zoeken'], security: beveiligd, summary: 'Eén geanonimiseerd profiel',
    request: { params: z.object({ id: profielIdSchema }), query: naSequentieQuery },
    responses: { 200: json(z.union([werkgeversprofielSchema, kandidaatprofielSchema]), 'Het profiel: een Werkgeversprofiel voor werkgever en intermediair (404 voor de hoogstens k-1 profielen die geen generalisatie verbergt), het Kandidaatprofiel voor beheer'), ...fouten, 404: json(foutSchema, 'Onbekend of verwijderd') },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/facetten/{facet}', tags: ['zoeken'], security: beveiligd, summary: 'Zoeken binnen de waarden van één facet',
    request: { params: z.object({ facet: z.enum(FACETTEN) }), query: facetwaardenQuerySchema },
    responses: { 200: json(z.object({ facet: z.enum(FACETTEN), waarden: z.array(z.object({ waarde: z.string(), aantal: z.number().int() })) }), 'Waarden met aantallen'), ...fouten },
  });

  const cijfers = { tags: ['transparantie'], security: beveiligd };
  registry.registerPath({
    method: 'get', path: '/api/v1/transparantie', ...cijfers,
    summary: 'Transparantie van klantprofielen: één regio per gemeente, of zonder regio het landelijk overzicht (rollen regiomanager voor de eigen regio\'s, beheer)',
    description: 'Geteld uit dezelfde zoekindex als /api/v1/kandidaten. Zonder periode: de stand nu; met periode: het bevroren kwartaal (het lopende kwartaal zonder snapshot: live). CSV met ?formaat=csv of Accept: text/csv.',
    request: { query: rapportQuerySchema(config.regios) },
    responses: {
      200: { description: 'Het rapport', content: { 'application/json': { schema: z.union([regiorapportSchema, landelijkOverzichtSchema]) }, 'text/csv': { schema: z.string().meta({ description: 'UTF-8 met BOM, puntkomma\'s, CRLF' }) } } },
      ...fouten, 404: json(foutSchema, 'Geen snapshot van dit (voorbije) kwartaal'),
    },
  });
  registry.registerPath({ method: 'get', path: '/api/v1/transparantie/periodes', ...cijfers, summary: 'Het lopende kwartaal en de bevroren kwartalen', responses: { 200: json(periodesSchema, 'Kwartalen'), ...fouten } });
  registry.registerPath({
    method: 'get', path: '/api/v1/transparantie/trend', ...cijfers, summary: 'De klassen van één regio over de bevroren kwartalen',
    request: { query: trendQuerySchema(config.regios) }, responses: { 200: json(trendSchema, 'Trend'), ...fouten },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/transparantie/snapshots', ...cijfers, summary: 'Een kwartaal bevriezen uit de huidige stand van de zoekindex (rol beheer)',
    description: 'Gebeurt ook vanzelf bij de eerste sync na afloop van een kwartaal. Onveranderlijk.',
    request: { body: { content: { 'application/json': { schema: snapshotBodySchema } } } },
    responses: { 201: json(snapshotinfoSchema, 'Bevroren'), ...fouten, 409: json(foutSchema, 'Dit kwartaal is al bevroren') },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/doelgroepregister', tags: ['doelgroepregister'], security: beveiligd, summary: 'Aantallen in het doelgroepregister (regiomanager: de eigen regio\'s; beheer: alle)',
    responses: { 200: json(z.object({ tellingen: z.array(doelgroepregisterTellingSchema) }), 'Per kwartaal en regio'), ...fouten },
  });
  registry.registerPath({
    method: 'put', path: '/api/v1/doelgroepregister/{regio}/{periode}', tags: ['doelgroepregister'], security: beveiligd, summary: 'Het aantal in het doelgroepregister van een regio in een kwartaal zetten (rol beheer)',
    request: { params: z.object({ regio: z.string().meta({ description: 'Regionummer of naam', example: '25' }), periode: periodeSchema }), body: { content: { 'application/json': { schema: registerBodySchema } } } },
    responses: { 200: json(doelgroepregisterTellingSchema, 'Opgeslagen'), ...fouten },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/contactverzoeken', tags: ['contactverzoeken'], security: beveiligd,
    summary: 'Contactverzoeken van werkgevers, nieuwste eerst, voor de werkgeversservicepunten (rol beheer)',
    request: { query: contactverzoekenQuerySchema },
    responses: { 200: json(contactverzoekenSchema, 'De contactverzoeken'), ...fouten },
  });
  const wsp = { tags: ['werkgeversservicepunt'], security: beveiligd };
  const referentie = z.object({ referentie: referentieSchema });
  const nietGevonden = json(foutSchema, 'Geen contactverzoek met deze referentie in de regio\'s van deze sleutel (ook als het in een andere regio bestaat)');
  registry.registerPath({
    method: 'get', path: '/api/v1/wsp/contactverzoeken', ...wsp,
    summary: 'De contactverzoeken van de eigen regio\'s, nieuwste eerst (rol wsp)',
    description: 'Een wsp-sleutel ziet alleen de regio\'s in zijn `regios`; zonder `regios` alle. Antwoord met Cache-Control: no-store.',
    request: { query: wspQuerySchema },
    responses: { 200: json(contactverzoekenSchema, 'De contactverzoeken'), ...fouten },
  });
  registry.registerPath({
    method: 'put', path: '/api/v1/wsp/contactverzoeken/{referentie}/status', ...wsp,
    summary: 'De status van een contactverzoek wijzigen (rol wsp)',
    description: 'Toegestaan: nieuw → in behandeling, kandidaat benaderd of afgesloten; in behandeling ⇄ kandidaat benaderd; open → afgesloten (met `reden`). Afgesloten is definitief. Elke wijziging komt eerst in het auditlog (`contactverzoek-status`); lukt dat niet, dan 503 en verandert er niets.',
    request: { params: referentie, body: { content: { 'application/json': { schema: statusBodySchema } } } },
    responses: { 200: json(contactverzoekSchema, 'Gewijzigd en duurzaam opgeslagen'), ...fouten, 404: nietGevonden, 409: json(foutSchema, 'Deze overgang kan niet vanuit de huidige status (bijvoorbeeld: het verzoek is afgesloten)') },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/wsp/contactverzoeken/{referentie}/klantnummer', ...wsp,
    summary: 'Het klantnummer achter het pseudoniem van een open contactverzoek opvragen (rol wsp)',
    description: 'De enige plek waar een klantnummer de service verlaat: alleen voor een open contactverzoek in de eigen regio\'s. Elke opvraging komt eerst in het auditlog (`pseudoniem-herleid`, met pseudoniem en referentie); lukt dat niet, dan 503 zonder nummer. Antwoord met Cache-Control: no-store.',
    request: { params: referentie },
    responses: {
      200: json(z.object({ referentie: z.string(), profielId: z.string(), klantnummer: z.string() }), 'Het klantnummer'),
      ...fouten, 404: nietGevonden, 409: json(foutSchema, 'Het contactverzoek is afgesloten'), 410: json(foutSchema, 'Het profiel bestaat niet meer (door Sonar verwijderd)'),
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/mijn/contactverzoeken', tags: ['contactverzoeken'], security: beveiligd,
    summary: 'De eigen contactverzoeken met hun status (rollen werkgever, intermediair)',
    description: 'Alleen de verzoeken die met deze sleutel (of een aanmelding ermee op de pagina\'s) zijn verstuurd.',
    responses: { 200: json(eigenContactverzoekenSchema, 'De eigen contactverzoeken'), ...fouten },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/audit', tags: ['audit'], security: beveiligd,
    summary: 'Het auditlog: wie heeft wanneer welke gegevens bekeken, nieuwste eerst (rol beheer)',
    description: 'Met ?pseudoniem=<32 hextekens>: wie heeft deze persoon bekeken. Elke regel is met een hash aan de vorige geketend; ook dit inzien wordt vastgelegd (audit-ingezien).',
    request: { query: auditQuerySchema },
    responses: { 200: json(auditpaginaSchema, 'Een pagina van het auditlog'), ...fouten },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kandidatenverkenner API', version: versie,
      description: 'Geanonimiseerde klantprofielen uit Sonar voor werkgevers en intermediairs. Elke GET neemt ?naSequentie=N (het volgnummer uit een syncantwoord): de instantie antwoordt pas als zij die sync heeft toegepast.',
    },
  });
}
