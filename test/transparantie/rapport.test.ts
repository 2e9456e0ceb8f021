import { loadSearchConfig, type RegioConfig } from '../../src/config/search-config';
import { csvBestandsnaam, naarCsv } from '../../src/transparantie/csv';
import {
  bouwLandelijkOverzicht, bouwRegiorapport, bouwTrend, dekking, kiesRegister, maakTelstand, registerVoorStand,
} from '../../src/transparantie/rapport';
import { OngeldigeKeuzeFout } from '../../src/transparantie/transparantie.errors';
import type { Snapshot } from '../../src/transparantie/transparantie.schemas';

const { klassen } = loadSearchConfig().transparantie;
const REGIOS: RegioConfig[] = [
  { nummer: 1, naam: 'Noord', gemeenten: [{ code: 'GM0002', naam: 'Zuidwolde' }, { code: 'GM0001', naam: 'Échtegem' }, { code: 'GM0003', naam: 'Leeg; "stil"' }] },
  { nummer: 2, naam: 'Zuid', gemeenten: [{ code: 'GM0004', naam: 'Aadorp' }] },
];
// Gemeente distribution per class (geen, beperkt, redelijk, volledig); GM0003 has no profiles at all.
const PER_KLASSE: Record<string, number>[] = [{ GM0001: 1, GM0002: 2 }, { GM0001: 3 }, { GM0002: 4, GM0004: 5 }, { GM0004: 6 }];
const stand = maakTelstand(REGIOS, klassen, PER_KLASSE);
const kop = { periode: '2021-Q1', live: false, peilmoment: '2021-04-01T00:00:00.000Z' };

describe('building the report from facet counts', () => {
  it('gives every gemeente its row, zero counts included, in Dutch alphabetical order, and a TOTAAL AMR row', () => {
    const r = bouwRegiorapport(stand, 1, [{ regio: 1, periode: '2021-Q1', aantal: 20 }], kop);
    expect(r.kolommen).toEqual(['geen', 'beperkt', 'redelijk', 'volledig', 'totaal']);
    expect(r.rijen).toEqual([
      { gemeente: 'Échtegem', gemeenteCode: 'GM0001', waarden: [1, 3, 0, 0, 4] },
      { gemeente: 'Leeg; "stil"', gemeenteCode: 'GM0003', waarden: [0, 0, 0, 0, 0] },
      { gemeente: 'Zuidwolde', gemeenteCode: 'GM0002', waarden: [2, 0, 4, 0, 6] },
    ]);
    expect(r.totaal).toEqual({ label: 'TOTAAL AMR', waarden: [3, 3, 4, 0, 10] });
    expect(r.doelgroepregister).toEqual({ aantal: 20, bekendInSonarPercentage: 50, periode: '2021-Q1' });
    expect(r.melding).toBeUndefined();
  });

  it.each([[3955, 5594, 71], [141, 200, 71], [139, 200, 70], [1, 3, 33], [7, 7, 100]])('rounds %i of %i to %i%% as the publication does', (inSonar, aantal, pct) => {
    expect(dekking(inSonar, { periode: '2020-Q2', aantal })?.bekendInSonarPercentage).toBe(pct);
  });

  it('says so instead of inventing a percentage when the register count is missing or zero', () => {
    const zonder = bouwRegiorapport(stand, 1, [], kop);
    expect(zonder.doelgroepregister).toBeNull();
    expect(zonder.melding).toMatch(/geen aantal in het doelgroepregister/);
    const nul = bouwRegiorapport(stand, 1, [{ regio: 1, periode: '2021-Q1', aantal: 0 }], kop);
    expect(nul.doelgroepregister).toEqual({ aantal: 0, bekendInSonarPercentage: null, periode: '2021-Q1' });
    expect(nul.melding).toMatch(/telt 0/);
  });

  it('uses the quarter\'s own register count, else the latest earlier one, never a later one', () => {
    const tellingen = [
      { regio: 1, periode: '2020-Q3', aantal: 10 }, { regio: 1, periode: '2020-Q4', aantal: 11 },
      { regio: 1, periode: '2021-Q2', aantal: 13 }, { regio: 2, periode: '2021-Q1', aantal: 20 },
    ];
    expect(kiesRegister(tellingen, 1, '2021-Q1')).toEqual({ regio: 1, periode: '2020-Q4', aantal: 11 });
    expect(kiesRegister(tellingen, 2, '2021-Q1')).toEqual({ regio: 2, periode: '2021-Q1', aantal: 20 });
    expect(kiesRegister(tellingen, 1, '2020-Q2')).toBeNull();
    const r = bouwRegiorapport(stand, 1, registerVoorStand(stand, tellingen, '2021-Q1'), kop);
    expect(r.doelgroepregister?.periode).toBe('2020-Q4');
    expect(r.melding).toMatch(/van 2020-Q4, het laatste bekende kwartaal/);
  });

  it('refuses a region the stand does not have', () => {
    expect(() => bouwRegiorapport(stand, 3, [], kop)).toThrow(OngeldigeKeuzeFout);
  });
});

describe('the national overview', () => {
  it('has one row per region with its own coverage and a national total', () => {
    const r = bouwLandelijkOverzicht(stand, [{ regio: 1, periode: '2021-Q1', aantal: 20 }, { regio: 2, periode: '2021-Q1', aantal: 22 }], kop);
    expect(r.rijen).toEqual([
      { regio: { nummer: 1, naam: 'Noord' }, waarden: [3, 3, 4, 0, 10], doelgroepregister: { aantal: 20, bekendInSonarPercentage: 50, periode: '2021-Q1' } },
      { regio: { nummer: 2, naam: 'Zuid' }, waarden: [0, 0, 5, 6, 11], doelgroepregister: { aantal: 22, bekendInSonarPercentage: 50, periode: '2021-Q1' } },
    ]);
    expect(r.totaal).toEqual({ label: 'TOTAAL NEDERLAND', waarden: [3, 3, 9, 6, 21] });
    expect(r.doelgroepregister).toEqual({ aantal: 42, bekendInSonarPercentage: 50, periode: '2021-Q1' });
  });

  it('gives no national percentage when a region lacks a count or counts are of different quarters', () => {
    const mist = bouwLandelijkOverzicht(stand, [{ regio: 1, periode: '2021-Q1', aantal: 20 }], kop);
    expect(mist.doelgroepregister).toBeNull();
    expect(mist.melding).toMatch(/regio 2 /);
    const gemengd = bouwLandelijkOverzicht(stand, [{ regio: 1, periode: '2021-Q1', aantal: 20 }, { regio: 2, periode: '2020-Q4', aantal: 22 }], kop);
    expect(gemengd.doelgroepregister).toBeNull();
    expect(gemengd.melding).toMatch(/verschillende kwartalen \(2020-Q4, 2021-Q1\)/);
  });
});

describe('the trend', () => {
  it('lists a region\'s classes per frozen quarter, oldest first, skipping quarters without the region', () => {
    const snapshot = (periode: string, s = stand): Snapshot => ({ periode, gemaakt: '', oorzaak: 'handmatig', stand: s, doelgroepregister: [{ regio: 2, periode, aantal: 22 }] });
    const zonderZuid = { ...stand, regios: stand.regios.filter((r) => r.nummer !== 2) };
    const t = bouwTrend({ nummer: 2, naam: 'Zuid' }, klassen, [snapshot('2021-Q1'), snapshot('2020-Q3', zonderZuid), snapshot('2020-Q4')]);
    expect(t.kwartalen).toEqual([
      { periode: '2020-Q4', waarden: [0, 0, 5, 6, 11], doelgroepregister: { aantal: 22, bekendInSonarPercentage: 50, periode: '2020-Q4' } },
      { periode: '2021-Q1', waarden: [0, 0, 5, 6, 11], doelgroepregister: { aantal: 22, bekendInSonarPercentage: 50, periode: '2021-Q1' } },
    ]);
  });
});

describe('CSV for Dutch Excel', () => {
  const rapport = bouwRegiorapport(stand, 1, [{ regio: 1, periode: '2021-Q1', aantal: 20 }], kop);
  const csv = naarCsv(rapport);

  it('starts with a UTF-8 BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFGemeente;CBS-code;Geen profiel;Beperkt profiel;Redelijk profiel;Volledig profiel;Totaal\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('holds every row, quotes what needs it, and the total and coverage', () => {
    const regels = csv.slice(1).split('\r\n');
    expect(regels).toEqual(expect.arrayContaining([
      'Échtegem;GM0001;1;3;0;0;4',
      '"Leeg; ""stil""";GM0003;0;0;0;0;0',
      'TOTAAL AMR;;3;3;4;0;10',
      'Arbeidsmarktregio;1 Noord',
      'Periode;2021-Q1',
      'Doelgroepregister (2021-Q1);20',
      'Bekend in Sonar (%);50',
    ]));
  });

  it('writes the national overview with register columns', () => {
    const landelijk = naarCsv(bouwLandelijkOverzicht(stand, [{ regio: 1, periode: '2021-Q1', aantal: 20 }], { ...kop, live: true }));
    const regels = landelijk.slice(1).split('\r\n');
    expect(regels[0]).toBe('Regio;Naam;Geen profiel;Beperkt profiel;Redelijk profiel;Volledig profiel;Totaal;Doelgroepregister;Bekend in Sonar (%)');
    expect(regels).toEqual(expect.arrayContaining(['1;Noord;3;3;4;0;10;20;50', '2;Zuid;0;0;5;6;11;;', 'TOTAAL NEDERLAND;;3;3;9;6;21;;', 'Periode;2021-Q1 (live)']));
  });

  it('names the file after what it holds, in ASCII', () => {
    expect(csvBestandsnaam(rapport)).toBe('transparantie-regio-1-noord-2021-Q1.csv');
    expect(csvBestandsnaam({ ...rapport, regio: { nummer: 25, naam: 'Rijk van Nijmegen' }, live: true })).toBe('transparantie-regio-25-rijk-van-nijmegen-2021-Q1-live.csv');
  });
});
