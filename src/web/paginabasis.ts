/** What every page's layout needs from the request: menu, who is signed in, the token for the sign-out form. */
export interface Paginabasis {
  navigatie: { href: string; tekst: string }[];
  gebruiker: { naam: string; rol: string } | null;
  /** Development without sign-in: the header says so. */
  ontwikkeling: boolean;
  /** Only when signed in (the sign-out form); forms on the page ask for their own. */
  csrfToken: string | null;
  huidigPad: string;
}

/** For rendering outside a request (benchmarks, tests): a development visitor on the given page. */
export function ontwikkelbasis(huidigPad = '/'): Paginabasis {
  return { navigatie: [], gebruiker: null, ontwikkeling: true, csrfToken: null, huidigPad };
}

/** A rendered page or fragment with the status to send it with. */
export interface Paginaresultaat {
  status: number;
  html: string;
}
