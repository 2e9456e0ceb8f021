/**
 * A plausible Dutch vocabulary for synthetic klantprofielen. Per beroepssector the taaksoorten, vaardigheden,
 * beroepen (werkervaring) and opleidingsrichtingen that belong to it, so a generated profile stays coherent.
 *
 * Deliberately free of digits, '@' and tussenvoegsels (de, van, der, ...): screening removes phone numbers,
 * BSNs, postcodes, e-mail addresses and the person's name, and must never eat a word of the vocabulary itself.
 * Several values carry the words the search tests type ("schoonmaak", "heftruck") and the synonyms of
 * search-config/zoeken.json (magazijn, hovenier, klantenservice, ...).
 */
export interface Sector {
  naam: string;
  taaksoorten: readonly string[];
  vaardigheden: readonly string[];
  beroepen: readonly string[];
  opleidingsrichtingen: readonly string[];
}

export const SECTOREN: readonly Sector[] = [
  {
    naam: 'Transport en logistiek',
    taaksoorten: ['Inpakken', 'Sorteren', 'Orderpicken', 'Laden en lossen', 'Goederen ontvangen', 'Magazijn opruimen'],
    vaardigheden: ['Heftruck rijden', 'Orderpicken', 'Reachtruck rijden', 'Scanner bedienen', 'Pallets stapelen', 'Elektrische pompwagen bedienen', 'Vorkheftruck rijden'],
    beroepen: ['Orderpicker', 'Magazijnmedewerker', 'Inpakker', 'Bijrijder', 'Heftruckchauffeur'],
    opleidingsrichtingen: ['Logistiek', 'Logistiek medewerker', 'Transport'],
  },
  {
    naam: 'Schoonmaak',
    taaksoorten: ['Schoonmaken', 'Stofzuigen', 'Dweilen', 'Sanitair reinigen', 'Afval scheiden'],
    vaardigheden: ['Schoonmaakwerk', 'Ramen wassen', 'Interieurverzorging', 'Schoonmaakmachine bedienen', 'Hygiënisch werken', 'Glasbewassing'],
    beroepen: ['Schoonmaker', 'Interieurverzorger', 'Glazenwasser', 'Huishoudelijk medewerker'],
    opleidingsrichtingen: ['Schoonmaak', 'Schoonmaak en hygiëne'],
  },
  {
    naam: 'Zorg en welzijn',
    taaksoorten: ['Activiteiten begeleiden', 'Maaltijden rondbrengen', 'Gezelschap bieden', 'Bedden opmaken', 'Wandelen met bewoners'],
    vaardigheden: ['Persoonlijke verzorging', 'Helpen bij eten', 'Rolstoel duwen', 'Dagbesteding begeleiden', 'Actief luisteren'],
    beroepen: ['Zorghulp', 'Helpende zorg', 'Medewerker dagbesteding', 'Gastvrouw zorginstelling', 'Medewerker thuiszorg'],
    opleidingsrichtingen: ['Zorg en welzijn', 'Helpende zorg', 'Maatschappelijke zorg'],
  },
  {
    naam: 'Horeca',
    taaksoorten: ['Afwassen', 'Tafels dekken', 'Bedienen', 'Groente snijden', 'Broodjes smeren', 'Catering verzorgen'],
    vaardigheden: ['Afwasmachine bedienen', 'Koffie zetten', 'Gasten bedienen', 'Werken volgens HACCP', 'Catering', 'Kassa bedienen'],
    beroepen: ['Afwasser', 'Keukenhulp', 'Bediening medewerker', 'Medewerker catering', 'Zelfstandig werkend kok'],
    opleidingsrichtingen: ['Horeca', 'Keuken', 'Gastheer gastvrouw'],
  },
  {
    naam: 'Groenvoorziening',
    taaksoorten: ['Maaien', 'Snoeien', 'Onkruid wieden', 'Bladblazen', 'Planten', 'Tuinonderhoud'],
    vaardigheden: ['Bosmaaier bedienen', 'Snoeien', 'Grasmaaier bedienen', 'Tuinonderhoud', 'Plantenkennis', 'Hovenierswerk'],
    beroepen: ['Hovenier', 'Medewerker groenvoorziening', 'Tuinman', 'Medewerker plantsoenendienst'],
    opleidingsrichtingen: ['Groenvoorziening', 'Hovenier', 'Natuur en groen'],
  },
  {
    naam: 'Detailhandel',
    taaksoorten: ['Vakken vullen', 'Spiegelen', 'Klanten helpen', 'Afrekenen', 'Winkel schoonhouden'],
    vaardigheden: ['Kassa bedienen', 'Vakken vullen', 'Artikelen prijzen', 'Winkelpresentatie', 'Klanten adviseren'],
    beroepen: ['Vakkenvuller', 'Kassamedewerker', 'Winkelmedewerker', 'Medewerker kringloopwinkel'],
    opleidingsrichtingen: ['Detailhandel', 'Verkoop', 'Retail'],
  },
  {
    naam: 'Administratie',
    taaksoorten: ['Post sorteren', 'Archiveren', 'Documenten scannen', 'Gegevens invoeren', 'Kopiëren'],
    vaardigheden: ['Gegevens invoeren', 'Microsoft Word', 'Microsoft Excel', 'Blind typen', 'Archiveren', 'Postverwerking', 'Administratief werk'],
    beroepen: ['Administratief medewerker', 'Postkamermedewerker', 'Archiefmedewerker', 'Medewerker gegevensinvoer'],
    opleidingsrichtingen: ['Administratie', 'Secretarieel', 'Bedrijfsadministratie'],
  },
  {
    naam: 'ICT',
    taaksoorten: ['Software testen', 'Computers installeren', 'Gegevens controleren', 'Helpdesk ondersteunen'],
    vaardigheden: ['Software testen', 'Programmeren', 'Computers repareren', 'Netwerkbeheer', 'Datakwaliteit controleren', 'Automatisering'],
    beroepen: ['Softwaretester', 'Medewerker ICT', 'Helpdeskmedewerker', 'Gegevensanalist'],
    opleidingsrichtingen: ['ICT', 'Informatica', 'Applicatieontwikkeling'],
  },
  {
    naam: 'Productie en techniek',
    taaksoorten: ['Assembleren', 'Machines bedienen', 'Kwaliteitscontrole', 'Inpakken', 'Solderen'],
    vaardigheden: ['Machine bedienen', 'Assembleren', 'Solderen', 'Lassen', 'Metaalbewerking', 'Tekening lezen', 'Meten en controleren'],
    beroepen: ['Productiemedewerker', 'Assemblagemedewerker', 'Operator', 'Lasser', 'Monteur'],
    opleidingsrichtingen: ['Techniek', 'Metaal', 'Elektrotechniek', 'Procestechniek'],
  },
  {
    naam: 'Bouw',
    taaksoorten: ['Sjouwen', 'Slopen', 'Bouwplaats opruimen', 'Schilderen', 'Stenen aanvoeren'],
    vaardigheden: ['Metselen', 'Schilderwerk', 'Timmeren', 'Tegelzetten', 'Bestraten', 'Steigerbouw', 'Veilig werken (VCA)'],
    beroepen: ['Bouwplaatsmedewerker', 'Schilder', 'Timmerman', 'Stratenmaker', 'Opperman'],
    opleidingsrichtingen: ['Bouw', 'Bouwkunde', 'Schilderen', 'Timmeren'],
  },
  {
    naam: 'Facilitaire dienstverlening',
    taaksoorten: ['Post rondbrengen', 'Vergaderzalen klaarzetten', 'Koffie rondbrengen', 'Kleine reparaties'],
    vaardigheden: ['Receptiewerk', 'Kleine reparaties', 'Vergaderruimtes inrichten', 'Postverwerking', 'Conciërgewerk'],
    beroepen: ['Facilitair medewerker', 'Conciërge', 'Receptionist', 'Huismeester'],
    opleidingsrichtingen: ['Facilitaire dienstverlening', 'Facilitair medewerker'],
  },
  {
    naam: 'Agrarisch',
    taaksoorten: ['Oogsten', 'Sorteren', 'Dieren voeren', 'Stal uitmesten', 'Planten verpotten'],
    vaardigheden: ['Oogsten', 'Dieren verzorgen', 'Trekker rijden', 'Melken', 'Kassenwerk', 'Stekken'],
    beroepen: ['Tuinbouwmedewerker', 'Oogstmedewerker', 'Medewerker veehouderij', 'Kasmedewerker'],
    opleidingsrichtingen: ['Agrarisch', 'Dierverzorging', 'Plantenteelt'],
  },
  {
    naam: 'Klantcontact',
    taaksoorten: ['Telefoon aannemen', 'Klantvragen beantwoorden', 'Afspraken inplannen', 'Berichten beantwoorden'],
    vaardigheden: ['Klantenservice', 'Telefoneren', 'Klachten afhandelen', 'Callcenter werk', 'Klantgericht communiceren'],
    beroepen: ['Klantenservicemedewerker', 'Callcentermedewerker', 'Telefonist', 'Receptionist'],
    opleidingsrichtingen: ['Klantcontact', 'Commercie', 'Callcenter'],
  },
  {
    naam: 'Textiel en wasserij',
    taaksoorten: ['Strijken', 'Vouwen', 'Wasgoed sorteren', 'Naaien'],
    vaardigheden: ['Naaimachine bedienen', 'Strijken', 'Wasgoed sorteren', 'Kleding herstellen', 'Mangelen'],
    beroepen: ['Medewerker wasserij', 'Naaister', 'Strijker'],
    opleidingsrichtingen: ['Mode en textiel', 'Textiel'],
  },
  {
    naam: 'Voedingsmiddelenindustrie',
    taaksoorten: ['Inpakken', 'Lopende band werk', 'Etiketteren', 'Producten controleren'],
    vaardigheden: ['Hygiënisch werken', 'Verpakkingsmachine bedienen', 'Etiketteren', 'Lopende band werk'],
    beroepen: ['Productiemedewerker voeding', 'Inpakker', 'Lijnoperator'],
    opleidingsrichtingen: ['Voeding', 'Procesoperator', 'Voedingsmiddelentechnologie'],
  },
  {
    naam: 'Beveiliging',
    taaksoorten: ['Surveilleren', 'Toegangscontrole', 'Rondes lopen'],
    vaardigheden: ['Surveillance', 'Camerabewaking', 'Bedrijfshulpverlening (BHV)', 'Toegangscontrole'],
    beroepen: ['Beveiliger', 'Toezichthouder', 'Parkeerwachter'],
    opleidingsrichtingen: ['Beveiliging', 'Veiligheid'],
  },
  {
    naam: 'Kinderopvang en onderwijs',
    taaksoorten: ['Kinderen begeleiden', 'Lokalen klaarzetten', 'Spelletjes doen', 'Voorlezen'],
    vaardigheden: ['Kinderen begeleiden', 'Voorlezen', 'Creatieve activiteiten', 'Pedagogisch handelen'],
    beroepen: ['Onderwijsassistent', 'Pedagogisch medewerker', 'Overblijfmedewerker'],
    opleidingsrichtingen: ['Onderwijsassistent', 'Pedagogisch werk', 'Kinderopvang'],
  },
  {
    naam: 'Afval en recycling',
    taaksoorten: ['Afval sorteren', 'Apparaten demonteren', 'Containers legen'],
    vaardigheden: ['Afval scheiden', 'Demonteren', 'Materialen herkennen', 'Veegmachine bedienen'],
    beroepen: ['Sorteerder', 'Medewerker milieustraat', 'Medewerker kringloop'],
    opleidingsrichtingen: ['Milieu', 'Recycling'],
  },
];

export const COMPETENTIES: readonly string[] = [
  'Nauwkeurig', 'Samenwerken', 'Zelfstandig', 'Stressbestendig', 'Klantgericht', 'Flexibel', 'Leergierig',
  'Betrouwbaar', 'Punctueel', 'Doorzettingsvermogen', 'Verantwoordelijk', 'Communicatief', 'Resultaatgericht',
  'Initiatief nemen', 'Behulpzaam', 'Geduldig', 'Vriendelijk', 'Accuraat', 'Plannen en organiseren',
  'Instructies opvolgen', 'Hulp vragen', 'Omgaan met regels', 'Aandacht kwaliteit', 'Fysiek sterk',
  'Inlevingsvermogen', 'Zorgvuldig',
];

export const AFFINITEITEN: readonly string[] = [
  'Werken met dieren', 'Buiten werken', 'Werken met mensen', 'Techniek', 'Werken met kinderen',
  'Werken met handen', 'Computers', 'Muziek', 'Sport', 'Koken', 'Natuur', 'Auto en motor', 'Mode', 'Kunst',
  'Duurzaamheid', 'Ouderen helpen', 'Vaste structuur', 'Rustige werkplek',
];
