/*
 * Progressive enhancement for the pages; everything works without it. Loaded as a file (no inline script), so
 * the pages run under a strict Content-Security-Policy.
 * - Search: results and facet counts update in place as you type (debounced) or tick, and every state is pushed
 *   as a URL, so links can be shared and the back button works.
 * - Facet lists: a box to search within a long list.
 * - Forms: focus moves to the error summary, and its links focus their field.
 */
(function () {
  'use strict';
  document.documentElement.classList.add('kv-js');

  var TYPVERTRAGING_MS = 300;

  function normaal(tekst) {
    return tekst.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }

  /* Error summary (GOV.UK / NL Design System pattern). */
  function foutoverzicht() {
    var overzicht = document.querySelector('[data-foutoverzicht]');
    if (!overzicht) return;
    overzicht.focus();
    overzicht.addEventListener('click', function (e) {
      var link = e.target.closest('a[href^="#"]');
      if (!link) return;
      var veld = document.getElementById(link.getAttribute('href').slice(1));
      if (!veld) return;
      e.preventDefault();
      var label = document.querySelector('label[for="' + veld.id + '"]');
      (label || veld).scrollIntoView();
      veld.focus({ preventScroll: true });
    });
  }

  /* "Terug naar kandidaten zoeken" goes back to the search the visitor came from, filters and all. */
  function terugNaarZoeken() {
    var link = document.querySelector('[data-terug-naar-zoeken]');
    if (!link || !document.referrer) return;
    var vorige = new URL(document.referrer);
    if (vorige.origin === location.origin && vorige.pathname === '/') link.href = vorige.pathname + vorige.search;
  }

  /* Search within a long facet list; the box only exists with JavaScript. */
  function filterLijst(invoer) {
    var houder = invoer.closest('[data-facetzoek]');
    var lijst = document.getElementById(houder.getAttribute('data-facetzoek'));
    var zoek = normaal(invoer.value);
    var zichtbaar = 0;
    lijst.querySelectorAll('.kv-facet__optie').forEach(function (optie) {
      var past = zoek === '' || normaal(optie.getAttribute('data-label')).indexOf(zoek) !== -1 || optie.querySelector('input').checked;
      optie.hidden = !past;
      if (past) zichtbaar++;
    });
    houder.querySelector('.kv-facet__niets').hidden = zichtbaar > 0;
  }

  function zoeken(form) {
    var fragmentPad = form.getAttribute('data-fragment');
    var status = document.getElementById('zoekstatus');
    var paneel = document.getElementById('filterpaneel');
    var zoekveld = document.getElementById('q');
    var lopend = null;
    var typtimer = null;
    var aanHetTypen = false;

    // On a phone the results come first; the filters are one tap away.
    if (window.matchMedia('(max-width: 55.99em)').matches) paneel.open = false;

    function facetzoekers(waarden) {
      form.querySelectorAll('[data-facetzoek]').forEach(function (houder) {
        houder.hidden = false;
        var invoer = houder.querySelector('input');
        if (waarden && waarden[invoer.id]) {
          invoer.value = waarden[invoer.id];
          filterLijst(invoer);
        }
      });
    }

    /** The form as a query string with the API's parameter names; empty fields and the default sort left out. */
    function vraag() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (waarde, naam) {
        if (typeof waarde !== 'string' || waarde.trim() === '') return;
        if (naam === 'sort' && waarde === 'relevantie') return;
        params.append(naam, waarde);
      });
      return params.toString();
    }

    function vervang(fragment, naarKop) {
      var actief = document.activeElement;
      var actiefId = actief && actief.id;
      var zoektermen = {};
      var scroll = {};
      form.querySelectorAll('[data-facetzoek] input').forEach(function (i) { zoektermen[i.id] = i.value; });
      form.querySelectorAll('.kv-facet__lijst--lang').forEach(function (l) { scroll[l.id] = l.scrollTop; });

      ['facetten', 'resultaten'].forEach(function (id) {
        var nieuw = fragment.querySelector('#' + id);
        var oud = document.getElementById(id);
        if (nieuw && oud) oud.replaceWith(document.importNode(nieuw, true));
      });
      document.title = fragment.getAttribute('data-titel');
      facetzoekers(zoektermen);
      Object.keys(scroll).forEach(function (id) {
        var lijst = document.getElementById(id);
        if (lijst) lijst.scrollTop = scroll[id];
      });

      var kop = document.getElementById('resultaten-titel');
      if (naarKop) {
        kop.focus();
      } else if (actiefId && !document.body.contains(actief)) {
        // The focused checkbox or field was replaced: focus its successor, so keyboard users keep their place.
        var opvolger = document.getElementById(actiefId);
        if (opvolger) opvolger.focus();
      }
      status.textContent = kop.textContent;
    }

    function laad(query, opties) {
      var url = query ? '/?' + query : '/';
      if (opties.push) history.pushState({ kv: true }, '', url);
      if (opties.vervang) history.replaceState({ kv: true }, '', url);
      if (lopend) lopend.abort();
      lopend = new AbortController();
      fetch(fragmentPad + (query ? '?' + query : ''), { signal: lopend.signal, headers: { Accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (res) {
          // Signed out, an error page, a redirect: let the browser show the real page.
          if (!res.ok || res.redirected) throw new Error('geen fragment');
          return res.text();
        })
        .then(function (html) {
          var fragment = new DOMParser().parseFromString(html, 'text/html').getElementById('zoekfragment');
          if (!fragment) throw new Error('geen fragment');
          vervang(fragment, opties.naarKop);
        })
        .catch(function (err) {
          if (err.name !== 'AbortError') location.assign(url);
        });
    }

    function zoekveldUitAdres(query) {
      zoekveld.value = new URLSearchParams(query).get('q') || '';
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(typtimer);
      aanHetTypen = false;
      laad(vraag(), { push: true, naarKop: e.submitter && e.submitter.closest('.kv-zoekbalk') !== null });
    });

    form.addEventListener('input', function (e) {
      if (e.target.closest('[data-facetzoek]')) return filterLijst(e.target);
      if (e.target !== zoekveld) return;
      clearTimeout(typtimer);
      typtimer = setTimeout(function () {
        // One history entry per burst of typing, not one per letter.
        laad(vraag(), { push: !aanHetTypen, vervang: aanHetTypen });
        aanHetTypen = true;
      }, TYPVERTRAGING_MS);
    });

    form.addEventListener('change', function (e) {
      if (e.target === zoekveld || e.target.closest('[data-facetzoek]')) return;
      clearTimeout(typtimer);
      aanHetTypen = false;
      laad(vraag(), { push: true });
    });

    form.addEventListener('keydown', function (e) {
      // Enter in a facet search box filters the list; it must not send the form.
      if (e.key === 'Enter' && e.target.closest('[data-facetzoek]')) e.preventDefault();
    });

    form.addEventListener('click', function (e) {
      var link = e.target.closest('#resultaten a[href]');
      if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      var doel = new URL(link.href);
      if (doel.origin !== location.origin || doel.pathname !== '/') return;
      e.preventDefault();
      aanHetTypen = false;
      var query = doel.search.slice(1);
      zoekveldUitAdres(query);
      laad(query, { push: true, naarKop: true });
    });

    window.addEventListener('popstate', function () {
      var query = location.search.slice(1);
      zoekveldUitAdres(query);
      laad(query, {});
    });

    history.replaceState({ kv: true }, '', location.href);
    facetzoekers(null);
  }

  foutoverzicht();
  terugNaarZoeken();
  var form = document.getElementById('zoekformulier');
  if (form) zoeken(form);
})();
