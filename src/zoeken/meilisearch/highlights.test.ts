import { MARKEER_BEGIN as B, MARKEER_EIND as E, highlights } from './highlights';

const velden = ['vaardigheden', 'werkervaring.beroep', 'opleidingen.richting'];

describe('highlights', () => {
  it('keeps only matching values, with <mark> around the matches', () => {
    const formatted = { profiel: { vaardigheden: [`${B}Heftruck${E} rijden`, 'Orderpicken'], werkervaring: [], opleidingen: [] } };
    expect(highlights(formatted, velden)).toEqual({ vaardigheden: ['<mark>Heftruck</mark> rijden'] });
  });

  it('walks arrays of objects for dotted fields', () => {
    const formatted = {
      profiel: {
        werkervaring: [{ beroep: 'Kok', jaren: '2' }, { beroep: `${B}Orderpicker${E}`, jaren: '1' }],
        opleidingen: [{ niveau: 'mbo-2', richting: null }],
      },
    };
    expect(highlights(formatted, velden)).toEqual({ 'werkervaring.beroep': ['<mark>Orderpicker</mark>'] });
  });

  it('escapes HTML in the text but not the marks', () => {
    const formatted = { profiel: { vaardigheden: [`<script>"x" & 'y' ${B}lassen${E}</script>`] } };
    expect(highlights(formatted, velden)).toEqual({
      vaardigheden: ['&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39; <mark>lassen</mark>&lt;/script&gt;'],
    });
  });

  it('returns nothing without _formatted', () => {
    expect(highlights(undefined, velden)).toEqual({});
    expect(highlights({}, velden)).toEqual({});
  });
});
