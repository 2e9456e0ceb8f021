/**
 * A GET form sends its empty fields too (`urenMin=&regio=`); for the pages an empty field means "not chosen",
 * so it is dropped before the query meets the API's strict schema.
 */
export function zonderLegeVelden(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  const uit: Record<string, unknown> = {};
  for (const [sleutel, waarde] of Object.entries(query)) {
    if (waarde === '') continue;
    if (Array.isArray(waarde)) {
      const gevuld = waarde.filter((w) => w !== '');
      if (gevuld.length > 0) uit[sleutel] = gevuld.length === 1 ? gevuld[0] : gevuld;
      continue;
    }
    uit[sleutel] = waarde;
  }
  return uit;
}
