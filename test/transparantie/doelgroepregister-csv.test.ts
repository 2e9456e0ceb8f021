import { loadSearchConfig } from '../../src/config/search-config';
import { leesRegisterCsv } from '../../src/transparantie/doelgroepregister-csv';

const { regios } = loadSearchConfig();
const lees = (tekst: string) => leesRegisterCsv(tekst, regios, '2021-Q1');

describe('the doelgroepregister CSV of the CLI', () => {
  it('reads lines with an optional header, BOM, CRLF, empty lines and regions by name', () => {
    expect(lees('\uFEFFRegio;Periode;Aantal\r\n25;2020-Q2;5594\r\n\r\nrijk van nijmegen;2020-Q3;5600\r\n')).toEqual({
      regels: [{ regel: 2, regio: 25, periode: '2020-Q2', aantal: 5594 }, { regel: 4, regio: 25, periode: '2020-Q3', aantal: 5600 }],
      fouten: [],
    });
    expect(lees('10;2020-Q2;7').regels).toEqual([{ regel: 1, regio: 10, periode: '2020-Q2', aantal: 7 }]);
  });

  it('names every bad line with its number and what is wrong', () => {
    const { regels, fouten } = lees([
      'regio;periode;aantal', '25;2020-Q2;5594', '99;2020-Q2;1', '25;2020-Q5;1', '25;2020-Q3;5.594', '25,2020-Q3,1',
      '25;2022-Q1;1', '25;2020-Q2;5600', 'regio;periode;aantal',
    ].join('\n'));
    expect(regels.map((r) => r.regel)).toEqual([2]);
    expect(fouten).toEqual([
      { regel: 3, melding: expect.stringMatching(/onbekende arbeidsmarktregio/) },
      { regel: 4, melding: expect.stringMatching(/^periode: verwacht een kwartaal/) },
      { regel: 5, melding: expect.stringMatching(/^aantal: verwacht een geheel getal/) },
      { regel: 6, melding: expect.stringMatching(/verwacht 3 velden/) },
      { regel: 7, melding: 'periode 2022-Q1 ligt in de toekomst' },
      { regel: 8, melding: 'regio 25 en 2020-Q2 staan al op regel 2' },
      // A header is only a header on the first line.
      { regel: 9, melding: expect.stringMatching(/onbekende arbeidsmarktregio/) },
      { regel: 9, melding: expect.stringMatching(/^periode/) },
      { regel: 9, melding: expect.stringMatching(/^aantal/) },
    ]);
  });
});
