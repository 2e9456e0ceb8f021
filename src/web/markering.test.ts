import nunjucks from 'nunjucks';
import { markeerder, veiligeMarkering, zonderMarkering } from './markering';

describe('highlights from the engine', () => {
  it('passes escaped text with <mark> as markup', () => {
    const veilig = veiligeMarkering('<mark>Heftruck</mark> rijden &amp; &lt;laden&gt; &#39;s nachts');
    expect(veilig).toBeInstanceOf(nunjucks.runtime.SafeString);
    expect(String(veilig)).toBe('<mark>Heftruck</mark> rijden &amp; &lt;laden&gt; &#39;s nachts');
  });

  it.each([
    '<script>alert(1)</script>',
    '<mark onclick="x()">a</mark>',
    '<img src=x onerror=alert(1)>',
    'a & b',
    '&#x3C;script&#x3E;',
    '<MARK>a</MARK>',
  ])('refuses anything else: %s', (html) => {
    expect(veiligeMarkering(html)).toBeNull();
  });

  it('finds the highlighted version of a value by its plain text, and prints the rest plain', () => {
    const markeer = markeerder({ vaardigheden: ['<mark>Heftruck</mark> rijden', '<b>kwaad</b>'], competenties: ['Zorg &amp; <mark>welzijn</mark>'] });
    expect(String(markeer('vaardigheden', 'Heftruck rijden'))).toBe('<mark>Heftruck</mark> rijden');
    expect(markeer('competenties', 'Zorg & welzijn')).toBeInstanceOf(nunjucks.runtime.SafeString);
    // An unsafe highlight is dropped: the value is printed as plain (escaped) text.
    expect(markeer('vaardigheden', 'kwaad')).toBe('kwaad');
    expect(markeer('taaksoorten', 'Inpakken')).toBe('Inpakken');
    expect(zonderMarkering('Zorg &amp; <mark>welzijn</mark>')).toBe('Zorg & welzijn');
  });
});
