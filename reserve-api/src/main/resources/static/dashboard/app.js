'use strict';
/*
 * Reserve Ledger dashboards. Every figure comes from the public REST API (API.md) with the signed-in
 * bearer token; /api/v1/live pushes the stream's head, and the open page then re-reads its views with
 * minPosition so what it shows includes the change. Two time axes combine: "Books at" a business date
 * (valueDate on every view) and "As recorded at" an instant (asOf, instead of following the head).
 * A page shows only what the token's role may read, and calls no endpoint that would refuse it.
 */
(() => {
  const API = '/api/v1';
  const PAGES = ['inventory', 'commitments', 'financing', 'concentration', 'audit'];
  /** The API answers a manufacturer 403 for financing and audit, and the audit log is the auditor's alone. */
  const pagesFor = role => PAGES.filter(page => !(role === 'MANUFACTURER' && page === 'financing')
      && !(page === 'audit' && role !== 'AUDITOR'));
  const COLORS = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', '#cf222e', '#0a7ea4', '#6e7781', '#bc4c00'];
  const state = { token: sessionStorage.getItem('reserve-token'), session: null, valueDate: null, asOf: null, head: 0,
                  rendering: false, again: false, stream: null };

  // ---------- API ----------
  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
      this.status = status;
    }
  }

  async function get(path, params = {}) {
    const query = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => { if (v !== null && v !== undefined) query.set(k, v); });
    const url = API + path + (query.toString() ? '?' + query : '');
    const response = await fetch(url, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } });
    const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return { body };
  }

  /**
   * A view as the page should show it: the books at the chosen business date (valueDate; the view's
   * default, today, when none is chosen), as recorded at the chosen instant or live at least at the
   * known head. {businessDate: false} leaves valueDate out, for a view that takes its dates otherwise.
   */
  function view(path, params = {}, { businessDate = true } = {}) {
    const axes = state.asOf ? { asOf: state.asOf } : { minPosition: state.head || null };
    if (businessDate && state.valueDate) axes.valueDate = state.valueDate;
    return get(path, { ...params, ...axes });
  }

  // ---------- formatting ----------
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const fixed = (n, d) => n === null || n === undefined ? '—'
      : Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const tonnes = n => fixed(n, 3) + ' t';
  const usd = n => n === null || n === undefined ? '—' : 'USD ' + fixed(n, 2);
  const pct = n => n === null || n === undefined ? '—' : fixed(Number(n) * 100, 1) + ' %';
  const short = n => {
    const a = Math.abs(Number(n));
    if (a >= 1e9) return fixed(n / 1e9, 2) + ' bn';
    if (a >= 1e6) return fixed(n / 1e6, 1) + ' m';
    if (a >= 1e3) return fixed(n / 1e3, 1) + ' k';
    return fixed(n, 0);
  };
  /** A table cell whose raw figure (data-value) tests and tools can read exactly. */
  const cell = (id, raw, text) => `<td class="num" data-testid="${esc(id)}" data-value="${esc(raw ?? '')}">${esc(text)}</td>`;
  const source = code => String(code).toLowerCase().replace(/_/g, ' ').replace('exim', 'EXIM');
  const empty = text => `<p class="empty">${esc(text)}</p>`;

  // ---------- charts (SVG) ----------
  /** Room for the longest of these texts at the charts' font size, up to a cap. */
  const textWidth = (texts, cap) => Math.min(cap, 14 + 7.6 * Math.max(...texts.map(t => String(t).length)));
  const legend = series => `<div class="legend">${series.map(s => `<span><i style="background:${s.color}"></i>${esc(s.name)}</span>`).join('')}</div>`;
  const svg = (width, height, body) =>
    `<svg role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="max-width:100%;height:auto">${body}</svg>`;

  function bars(rows, { width = 520, unit = short, marker = null } = {}) {
    if (!rows.length) return empty('Nothing to chart.');
    const texts = rows.map(r => r.text ?? unit(r.value));
    const label = textWidth(rows.map(r => r.label), 220);
    const right = textWidth(texts, 240);
    const barH = 18, gap = 8;
    const top = Math.max(...rows.map(r => Math.max(Number(r.value) || 0, Number(r.of) || 0)), marker ?? 0) || 1;
    const scale = v => (width - label - right) * Math.max(0, Number(v) || 0) / top;
    const height = rows.length * (barH + gap) + gap;
    const items = rows.map((r, i) => {
      const y = gap + i * (barH + gap);
      const background = r.of !== undefined ? `<rect x="${label}" y="${y}" width="${scale(r.of)}" height="${barH}" fill="#eaeef2"/>` : '';
      return `<text x="${label - 6}" y="${y + 13}" text-anchor="end">${esc(r.label)}</text>${background}
        <rect x="${label}" y="${y}" width="${scale(r.value)}" height="${barH}" fill="${r.color ?? COLORS[0]}"><title>${esc(r.label)}: ${esc(unit(r.value))}</title></rect>
        <text x="${label + scale(Math.max(r.value, r.of ?? 0)) + 4}" y="${y + 13}">${esc(texts[i])}</text>`;
    }).join('');
    const line = marker === null ? '' : `<line x1="${label + scale(marker)}" x2="${label + scale(marker)}" y1="0" y2="${height}" stroke="var(--bad)" stroke-dasharray="4 3"/>`;
    return svg(width, height, items + line);
  }

  /**
   * Bars in groups. With {relative: true} each group is drawn to its own scale (its largest value
   * fills the width), so small groups stay legible; note(g) then says what the bars mean in words.
   */
  function grouped(groups, series, { width = 640, relative = false, note = null } = {}) {
    if (!groups.length) return empty('Nothing to chart.');
    const notes = groups.map(g => note ? note(g) : '');
    const label = textWidth(groups.map(g => g.label), 260), barH = 9, gap = 12;
    const right = note ? textWidth(notes, 318) + 2 : 20;
    const largest = g => Math.max(...series.map(s => Number(g[s.key]) || 0));
    const overall = Math.max(1, ...groups.map(largest));
    const scale = (g, v) => (width - label - right) * Math.max(0, Number(v) || 0) / (relative ? largest(g) || 1 : overall);
    const groupH = series.length * barH + gap;
    const body = groups.map((g, i) => {
      const y = gap + i * groupH, middle = y + series.length * barH / 2 + 4;
      return `<text x="${label - 6}" y="${middle}" text-anchor="end">${esc(g.label)}</text>` +
        series.map((s, j) => `<rect x="${label}" y="${y + j * barH}" width="${scale(g, g[s.key])}" height="${barH - 1}" fill="${s.color}"><title>${esc(s.name)}: ${esc(tonnes(g[s.key]))}</title></rect>`).join('') +
        (notes[i] ? `<text x="${width - right + 8}" y="${middle}">${esc(notes[i])}</text>` : '');
    }).join('');
    return legend(series) + svg(width, groups.length * groupH + gap, body);
  }

  function stacked(rows, { width = 560 } = {}) {
    if (!rows.length) return empty('Nothing to chart.');
    const label = textWidth(rows.map(r => r.label), 200), barH = 18, gap = 10, span = width - label - 10;
    const body = rows.map((r, i) => {
      const y = gap + i * (barH + gap);
      let x = label;
      const parts = r.parts.map((p, j) => {
        const w = span * Math.max(0, Number(p.share));
        const rect = `<rect x="${x}" y="${y}" width="${w}" height="${barH}" fill="${COLORS[j % COLORS.length]}"><title>${esc(p.label)}: ${esc(pct(p.share))}</title></rect>` +
          (w > 34 ? `<text x="${x + 4}" y="${y + 13}" style="fill:#fff">${esc(p.label)}</text>` : '');
        x += w;
        return rect;
      }).join('');
      return `<text x="${label - 6}" y="${y + 13}" text-anchor="end">${esc(r.label)}</text>${parts}`;
    }).join('');
    return svg(width, rows.length * (barH + gap) + gap, body);
  }

  function lines(points, series, { width = 560, height = 220 } = {}) {
    if (points.length < 2) return empty('Not enough history to chart.');
    const left = 70, bottom = 24, top = Math.max(1, ...points.flatMap(p => series.map(s => Number(p[s.key]) || 0)));
    const x = i => left + (width - left - 10) * i / (points.length - 1);
    const y = v => 8 + (height - bottom - 8) * (1 - (Number(v) || 0) / top);
    const paths = series.map(s => `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.map((p, i) => `${x(i)},${y(p[s.key])}`).join(' ')}"/>`).join('');
    const ticks = points.map((p, i) => i % Math.ceil(points.length / 6) === 0 || i === points.length - 1
      ? `<text x="${x(i)}" y="${height - 6}" text-anchor="${i === points.length - 1 ? 'end' : 'middle'}">${esc(p.label)}</text>` : '').join('');
    const grid = [0, 0.5, 1].map(f => `<line class="axis" x1="${left}" x2="${width - 10}" y1="${y(top * f)}" y2="${y(top * f)}"/><text x="${left - 6}" y="${y(top * f) + 4}" text-anchor="end">${esc(short(top * f))}</text>`).join('');
    return legend(series) + svg(width, height, grid + paths + ticks);
  }

  const kpi = (id, label, raw, text) =>
    `<div class="kpi"><div class="label">${esc(label)}</div><div class="value" data-testid="${esc(id)}" data-value="${esc(raw ?? '')}">${esc(text)}</div></div>`;
  const tableToggle = (title, html) => `<details><summary>${esc(title)} as a table</summary>${html}</details>`;
  const isManufacturer = () => state.session?.role === 'MANUFACTURER';

  // ---------- pages ----------
  const pages = {
    async inventory() {
      const [bySite, byMineral] = await Promise.all([view('/views/inventory-by-site'), view('/views/inventory-by-mineral')]);
      const sites = bySite.body.sites, minerals = byMineral.body.minerals;
      const own = !isManufacturer();
      const totalRef = minerals.reduce((a, m) => a + (Number(m.referenceValueUsd) || 0), 0);
      const totalBook = minerals.reduce((a, m) => a + (Number(m.bookValueUsd) || 0), 0);
      const transit = minerals.reduce((a, m) => a + (Number(m.inTransitTonnes) || 0), 0);
      const national = `<table><thead><tr><th>Mineral</th><th class="num">On hand</th><th class="num">In transit</th>
          ${own ? '<th class="num">Committed</th><th class="num">Outstanding draws</th><th class="num">Drawn, last 365 days</th><th class="num">Days of cover</th>' : ''}
          <th class="num">Book value</th><th class="num">Reference value</th></tr></thead><tbody>
          ${minerals.map(m => `<tr data-mineral="${esc(m.mineral)}"><td>${esc(m.mineral)}</td>
            ${cell('mineral-' + m.mineral + '-onHand', m.onHandTonnes, tonnes(m.onHandTonnes))}
            ${cell('mineral-' + m.mineral + '-inTransit', m.inTransitTonnes, tonnes(m.inTransitTonnes))}
            ${own ? cell('mineral-' + m.mineral + '-committed', m.committedTonnes, tonnes(m.committedTonnes))
                  + cell('mineral-' + m.mineral + '-outstanding', m.outstandingDrawTonnes, tonnes(m.outstandingDrawTonnes))
                  + cell('mineral-' + m.mineral + '-drawnLastYear', m.drawnLastYearTonnes, tonnes(m.drawnLastYearTonnes))
                  + cell('mineral-' + m.mineral + '-daysOfCover', m.daysOfCover, m.daysOfCover ?? '—') : ''}
            ${cell('mineral-' + m.mineral + '-book', m.bookValueUsd, usd(m.bookValueUsd))}
            ${cell('mineral-' + m.mineral + '-reference', m.referenceValueUsd, usd(m.referenceValueUsd))}</tr>`).join('')}
          </tbody></table>`;
      const siteRows = sites.map(s => `<tr data-site="${esc(s.siteId)}"><td>${esc(s.siteId)}</td>
            ${cell('site-' + s.siteId + '-used', s.usedTonnes, tonnes(s.usedTonnes))}
            ${cell('site-' + s.siteId + '-capacity', s.capacityTonnes, tonnes(s.capacityTonnes))}
            <td>${s.minerals.map(m => `${esc(m.mineral)} ${esc(tonnes(m.onHandTonnes))}${Number(m.inTransitTonnes) ? ` (+${esc(tonnes(m.inTransitTonnes))} in transit)` : ''}`).join(', ') || '—'}</td></tr>`).join('');
      return `<div class="kpis">
          ${kpi('national-reference', 'Stock at reference prices', totalRef, usd(totalRef))}
          ${kpi('national-book', 'Stock at book value (cost)', totalBook, usd(totalBook))}
          ${kpi('national-in-transit', 'In transit between sites', transit, tonnes(transit))}
          ${kpi('site-count', 'Sites', sites.length, String(sites.length))}</div>
        <div class="grid">
          <section class="panel"><h2>National stock by mineral, at reference value</h2>
            ${minerals.length ? bars(minerals.map(m => ({ label: m.mineral, value: Number(m.referenceValueUsd) || 0, text: 'USD ' + short(m.referenceValueUsd || 0) }))) : empty('No stock yet.')}
            ${tableToggle('National stock', national)}</section>
          ${own && minerals.some(m => m.daysOfCover !== null) ? `<section class="panel"><h2>Days of cover at the last year's draws</h2>
            ${bars(minerals.filter(m => m.daysOfCover !== null).map(m => ({ label: m.mineral, value: Number(m.daysOfCover), text: `${m.daysOfCover} days` })))}
            <p class="note">Stock on hand divided by what manufacturers drew in the 365 days to ${state.valueDate ? esc(state.valueDate) : state.asOf ? 'the chosen instant' : 'today'}, per day; minerals nobody drew are left out.</p></section>` : ''}
          <section class="panel"><h2>Capacity used per site</h2>
            ${sites.length ? bars(sites.map(s => ({ label: s.siteId, value: Number(s.usedTonnes), of: Number(s.capacityTonnes),
                  text: `${short(s.usedTonnes)} of ${short(s.capacityTonnes)} t` })), { unit: short }) : empty('No sites registered yet.')}
            ${tableToggle('Sites', `<table><thead><tr><th>Site</th><th class="num">Used</th><th class="num">Capacity</th><th>Stock by mineral</th></tr></thead><tbody>${siteRows}</tbody></table>`)}</section>
        </div>
        <section class="panel"><h2>Stock by site and mineral</h2>${sites.length ? `<table><thead><tr><th>Site</th><th>Mineral</th><th class="num">On hand</th><th class="num">In transit</th><th class="num">Available</th><th class="num">Lots</th><th class="num">Book value</th><th class="num">Reference value</th></tr></thead><tbody>
          ${sites.flatMap(s => s.minerals.map(m => `<tr><td>${esc(s.siteId)}</td><td>${esc(m.mineral)}</td>
            ${cell('site-' + s.siteId + '-' + m.mineral + '-onHand', m.onHandTonnes, tonnes(m.onHandTonnes))}
            ${cell('site-' + s.siteId + '-' + m.mineral + '-inTransit', m.inTransitTonnes, tonnes(m.inTransitTonnes))}
            <td class="num">${esc(tonnes(m.availableTonnes))}</td><td class="num">${esc(m.lotCount)}</td>
            <td class="num">${esc(usd(m.bookValueUsd))}</td><td class="num">${esc(usd(m.referenceValueUsd))}</td></tr>`)).join('')}
          </tbody></table>` : empty('No sites registered yet.')}</section>`;
    },

    async commitments() {
      const { body } = await view('/views/commitments');
      const list = body.commitments;
      if (!list.length) return `<section class="panel"><h2>Commitments</h2>${empty(isManufacturer() ? 'Your manufacturer has no commitments.' : 'No commitments yet.')}</section>`;
      const byMaker = {};
      list.forEach(c => (byMaker[c.manufacturerId] ??= []).push(c));
      const overdue = list.filter(c => c.overdue);
      const emergency = list.filter(c => c.emergencyEntitlementTonnes !== null && c.emergencyEntitlementTonnes !== undefined);
      const rows = list.map(c => `<tr data-commitment="${esc(c.commitmentId)}" data-manufacturer="${esc(c.manufacturerId)}">
          <td>${esc(c.manufacturerId)}</td><td>${esc(c.mineral)}</td>
          ${cell('commitment-' + c.commitmentId + '-quantity', c.quantityTonnes, tonnes(c.quantityTonnes))}
          ${cell('commitment-' + c.commitmentId + '-drawn', c.drawnTonnes, tonnes(c.drawnTonnes))}
          ${cell('commitment-' + c.commitmentId + '-replenished', c.replenishedTonnes, tonnes(c.replenishedTonnes))}
          ${cell('commitment-' + c.commitmentId + '-outstanding', c.outstandingDrawTonnes, tonnes(c.outstandingDrawTonnes))}
          <td>${c.overdue ? '<span class="badge bad">overdue</span>' : '<span class="badge ok">on time</span>'}</td>
          <td>${esc(c.status)}</td><td class="num">${esc(usd(c.storageFeesChargedUsd))}</td></tr>`).join('');
      return `<div class="kpis">
          ${kpi('commitment-count', 'Commitments', list.length, String(list.length))}
          ${kpi('manufacturer-count', 'Manufacturers', Object.keys(byMaker).length, String(Object.keys(byMaker).length))}
          ${kpi('overdue-count', 'Overdue', overdue.length, String(overdue.length))}</div>
        <section class="panel"><h2>Drawn and replenished, each against its commitment</h2>
          ${grouped(list.map(c => ({ label: `${c.manufacturerId} · ${c.mineral}`, quantity: c.quantityTonnes, drawn: c.drawnTonnes, replenished: c.replenishedTonnes })),
              [{ key: 'quantity', name: 'committed', color: COLORS[0] }, { key: 'drawn', name: 'drawn', color: COLORS[1] }, { key: 'replenished', name: 'replenished', color: COLORS[2] }],
              { width: 1000, relative: true, note: g => `drawn ${pct(Number(g.drawn) / Number(g.quantity) || 0)} · replenished ${pct(Number(g.replenished) / Number(g.quantity) || 0)}` })}
          <table><thead><tr><th>Manufacturer</th><th>Mineral</th><th class="num">Committed</th><th class="num">Drawn</th><th class="num">Replenished</th><th class="num">Outstanding</th><th>Draws</th><th>Status</th><th class="num">Storage fees</th></tr></thead><tbody>${rows}</tbody></table></section>
        <div class="grid">
          <section class="panel"><h2>Overdue draws</h2>${overdue.length ? `<table><thead><tr><th>Manufacturer</th><th>Mineral</th><th>Draw</th><th>Replenish by</th><th class="num">Open</th></tr></thead><tbody>
            ${overdue.flatMap(c => (c.draws ?? []).filter(d => d.overdue).map(d => `<tr><td>${esc(c.manufacturerId)}</td><td>${esc(c.mineral)}</td><td>${esc(d.drawnOn)}</td><td>${esc(d.replenishBy)}</td><td class="num">${esc(tonnes(d.quantityTonnes - d.replenishedTonnes))}</td></tr>`)).join('')}
            </tbody></table>` : empty('No draw is overdue.')}</section>
          <section class="panel"><h2>Emergency entitlements (declared disruptions)</h2>${emergency.length ? `<table><thead><tr><th>Manufacturer</th><th>Mineral</th><th class="num">Entitlement</th></tr></thead><tbody>
            ${emergency.map(c => `<tr><td>${esc(c.manufacturerId)}</td><td>${esc(c.mineral)}</td>${cell('entitlement-' + c.commitmentId, c.emergencyEntitlementTonnes, tonnes(c.emergencyEntitlementTonnes))}</tr>`).join('')}
            </tbody></table>` : empty('No disruption is declared.')}</section>
        </div>`;
    },

    async financing() {
      const now = await view('/views/financing');
      const f = now.body;
      const today = new Date(f.valueDate + 'T00:00:00Z');
      const dates = [];
      for (let i = 12; i >= 1; i--) {
        const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i + 1, 0));
        dates.push(d.toISOString().slice(0, 10));
      }
      // One request, so the month ends come from one state of the stream (and, as of a past instant, one replay).
      const history = (await view('/views/financing/history', { valueDates: dates.join(',') }, { businessDate: false })).body.views;
      history.push(f);
      const points = history.map(h => ({ label: h.valueDate.slice(0, 7),
        principal: h.facilities.reduce((a, x) => a + Number(x.principalOutstandingUsd), 0),
        interest: h.facilities.reduce((a, x) => a + Number(x.interestAccruedUsd), 0) }));
      const c = f.collateral, pc = f.privateCapital, su = f.sourcesAndUses;
      const coverageOk = c.coverageRatio === null || Number(c.coverageRatio) >= Number(c.requiredCoverageRatio);
      const facilities = f.facilities.map(x => `<tr data-facility="${esc(x.facilityId)}"><td>${esc(x.facilityId)}</td><td>${esc(x.lender)}</td>
          ${cell('facility-' + x.facilityId + '-limit', x.limitUsd, usd(x.limitUsd))}
          ${cell('facility-' + x.facilityId + '-drawn', x.drawnUsd, usd(x.drawnUsd))}
          ${cell('facility-' + x.facilityId + '-principal', x.principalOutstandingUsd, usd(x.principalOutstandingUsd))}
          ${cell('facility-' + x.facilityId + '-interestAccrued', x.interestAccruedUsd, usd(x.interestAccruedUsd))}
          ${cell('facility-' + x.facilityId + '-interestPaid', x.interestPaidUsd, usd(x.interestPaidUsd))}</tr>`).join('');
      return `<div class="kpis">
          ${kpi('cash', 'Cash (sources − uses)', su.cashUsd, usd(su.cashUsd))}
          ${kpi('loan-outstanding', 'Loan principal outstanding', c.loanOutstandingUsd, usd(c.loanOutstandingUsd))}
          ${kpi('coverage', 'Collateral coverage', c.coverageRatio, c.coverageRatio === null ? 'no loan outstanding' : fixed(c.coverageRatio, 2) + '×')}
          <div class="kpi"><div class="label">Coverage threshold</div><div class="value">${esc(fixed(c.requiredCoverageRatio, 2))}× <span class="badge ${coverageOk ? 'ok' : 'bad'}" data-testid="coverage-status">${coverageOk ? 'met' : 'breached'}</span></div></div>
          ${kpi('value-date', 'Value date', f.valueDate, f.valueDate)}</div>
        <div class="grid">
          <section class="panel wide"><h2>Facilities: drawn against limit</h2>
            ${f.facilities.length ? bars(f.facilities.map(x => ({ label: x.facilityId, value: Number(x.drawnUsd), of: Number(x.limitUsd), text: `${short(x.drawnUsd)} of ${short(x.limitUsd)}` }))) : empty('No facility yet.')}
            <table><thead><tr><th>Facility</th><th>Lender</th><th class="num">Limit</th><th class="num">Drawn</th><th class="num">Principal outstanding</th><th class="num">Interest accrued</th><th class="num">Interest paid</th></tr></thead><tbody>${facilities}</tbody></table></section>
          <section class="panel"><h2>Principal outstanding and interest accrued, month by month</h2>
            ${lines(points, [{ key: 'principal', name: 'principal outstanding', color: COLORS[0] }], { height: 170 })}
            ${lines(points, [{ key: 'interest', name: 'interest accrued, not yet paid', color: COLORS[3] }], { height: 130 })}
            ${tableToggle('History', `<table><thead><tr><th>Month end</th><th class="num">Principal outstanding</th><th class="num">Interest accrued</th></tr></thead><tbody>${points.map(p => `<tr><td>${esc(p.label)}</td><td class="num">${esc(usd(p.principal))}</td><td class="num">${esc(usd(p.interest))}</td></tr>`).join('')}</tbody></table>`)}</section>
          <section class="panel"><h2>Private capital</h2>
            ${bars([{ label: 'committed', value: Number(pc.committedUsd) }, { label: 'called', value: Number(pc.calledUsd), color: COLORS[1] }, { label: 'contributed', value: Number(pc.contributedUsd), color: COLORS[2] }, { label: 'uncalled', value: Number(pc.uncalledUsd), color: COLORS[6] }])}
            <table><tbody><tr><th>Committed</th>${cell('capital-committed', pc.committedUsd, usd(pc.committedUsd))}</tr><tr><th>Called</th>${cell('capital-called', pc.calledUsd, usd(pc.calledUsd))}</tr>
            <tr><th>Contributed</th>${cell('capital-contributed', pc.contributedUsd, usd(pc.contributedUsd))}</tr><tr><th>Uncalled</th>${cell('capital-uncalled', pc.uncalledUsd, usd(pc.uncalledUsd))}</tr></tbody></table></section>
          <section class="panel"><h2>Sources and uses of cash</h2>
            ${bars(su.bySource.flatMap(s => [{ label: source(s.fundingSource) + ' raised', value: Number(s.raisedUsd) }, { label: source(s.fundingSource) + ' deployed', value: Number(s.deployedUsd), color: COLORS[1] }]))}
            <table><tbody><tr><th>Sources</th>${cell('sources', su.sourcesUsd, usd(su.sourcesUsd))}</tr><tr><th>Procurement</th>${cell('procurement', su.procurementUsd, usd(su.procurementUsd))}</tr>
            <tr><th>Repayments</th>${cell('repayments', su.repaymentsUsd, usd(su.repaymentsUsd))}</tr><tr><th>Cash</th>${cell('cash-table', su.cashUsd, usd(su.cashUsd))}</tr>
            <tr><th>Upfront fees</th>${cell('fees-upfront', f.manufacturerFees.upfrontUsd, usd(f.manufacturerFees.upfrontUsd))}</tr><tr><th>Storage fees</th>${cell('fees-storage', f.manufacturerFees.storageUsd, usd(f.manufacturerFees.storageUsd))}</tr></tbody></table></section>
          <section class="panel"><h2>Collateral coverage against its threshold</h2>
            ${bars([{ label: 'coverage', value: Number(c.coverageRatio ?? 0), text: c.coverageRatio === null ? 'n/a' : fixed(c.coverageRatio, 2) + '×', color: coverageOk ? 'var(--ok)' : 'var(--bad)' }], { marker: Number(c.requiredCoverageRatio), unit: v => fixed(v, 2) + '×' })}
            <table><tbody><tr><th>Inventory at reference prices</th>${cell('collateral-value', c.inventoryReferenceValueUsd, usd(c.inventoryReferenceValueUsd))}</tr>
            <tr><th>Loan outstanding</th>${cell('collateral-loan', c.loanOutstandingUsd, usd(c.loanOutstandingUsd))}</tr></tbody></table></section>
        </div>`;
    },

    async concentration() {
      const { body } = await view('/views/concentration');
      const minerals = body.minerals;
      if (!minerals.length) return `<section class="panel"><h2>Origin concentration</h2>${empty('No stock yet.')}</section>`;
      const band = hhi => hhi > 2500 ? ['bad', 'highly concentrated'] : hhi >= 1500 ? ['warn', 'moderately concentrated'] : ['ok', 'unconcentrated'];
      return `<section class="panel"><h2>Origin shares per mineral (tonnes held)</h2>
          ${stacked(minerals.map(m => ({ label: m.mineral, parts: m.origins.map(o => ({ label: o.country, share: o.share })) })))}</section>
        <section class="panel"><h2>Herfindahl-Hirschman index per mineral</h2>
          ${bars(minerals.map(m => ({ label: m.mineral, value: Number(m.hhi), color: `var(--${band(Number(m.hhi))[0] === 'ok' ? 'ok' : band(Number(m.hhi))[0] === 'warn' ? 'warn' : 'bad'})`, text: fixed(m.hhi, 0) })), { max: 10000, marker: 2500, unit: v => fixed(v, 0) })}
          <table><thead><tr><th>Mineral</th><th class="num">HHI</th><th></th><th>Top origin</th><th class="num">Top share</th><th>Origins</th></tr></thead><tbody>
          ${minerals.map(m => `<tr data-mineral="${esc(m.mineral)}"><td>${esc(m.mineral)}</td>${cell('hhi-' + m.mineral, m.hhi, fixed(m.hhi, 2))}
            <td><span class="badge ${band(Number(m.hhi))[0]}">${band(Number(m.hhi))[1]}</span></td><td>${esc(m.topCountry)}</td>
            ${cell('top-share-' + m.mineral, m.topShare, pct(m.topShare))}
            <td>${m.origins.map(o => `${esc(o.country)} ${esc(pct(o.share))}`).join(', ')}</td></tr>`).join('')}</tbody></table></section>`;
    },

    async audit() {
      // As of an instant, the last event recorded by then; live, the head the channel told (or the log's own).
      const head = state.asOf ? (await get('/audit/head', { asOf: state.asOf })).body.position
        : state.head || (await get('/audit/head')).body.position;
      const [verification, page] = await Promise.all([
        get('/audit/verify'),
        get('/audit/events', { afterPosition: Math.max(0, head - 25), limit: 25 })]);
      const v = verification.body;
      let events = page.body.events.filter(e => e.position <= head).reverse();
      if (state.asOf) events = events.filter(e => Date.parse(e.timestamp) <= Date.parse(state.asOf));
      return `<div class="kpis">
          <div class="kpi"><div class="label">Integrity chain${state.asOf ? ', now' : ''}</div><div class="value"><span class="badge ${v.ok ? 'ok' : 'bad'}" data-testid="chain-status">${v.ok ? 'verified' : 'broken'}</span></div></div>
          ${kpi('verified-events', 'Events verified', v.verifiedEvents, String(v.verifiedEvents))}
          ${kpi('first-broken', 'First broken position', v.firstBrokenPosition, v.firstBrokenPosition ?? 'none')}
          <div class="kpi"><div class="label">Head hash</div><div class="value"><code class="hash" data-testid="head-hash">${esc(v.headHash)}</code></div></div></div>
        <section class="panel"><h2>Latest events${state.asOf ? ' recorded by ' + esc(state.asOf) : ''}</h2>
          ${state.valueDate ? `<p class="note">The audit log is in recording order; "Books at" does not apply to it.</p>` : ''}
          ${events.length ? `<table><thead><tr><th class="num">Position</th><th>Recorded</th><th>Event</th><th>Aggregate</th><th>Actor</th><th>Hash</th></tr></thead><tbody>
          ${events.map(e => `<tr data-position="${esc(e.position)}"><td class="num">${esc(e.position)}</td><td>${esc(e.timestamp)}</td><td>${esc(e.type)}</td><td>${esc(e.aggregateId)}</td><td data-testid="actor-${esc(e.position)}">${esc(e.actor)}</td><td><code class="hash">${esc((e.hash ?? 'linking…').slice(0, 16))}</code></td></tr>`).join('')}
          </tbody></table>` : empty('No events yet.')}</section>`;
    }
  };

  // ---------- rendering ----------
  function currentPage() {
    const page = location.hash.replace('#', '');
    return pagesFor(state.session?.role).includes(page) ? page : 'inventory';
  }

  async function render() {
    if (!state.session) return;
    if (state.rendering) { state.again = true; return; }
    state.rendering = true;
    const page = currentPage();
    const target = document.getElementById('page');
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
    const head = state.head;
    // The axes this drawing is for: one begun before they changed is dropped, and the next one shows them.
    const { valueDate, asOf } = state;
    try {
      const html = await pages[page]();
      if (currentPage() === page && state.valueDate === valueDate && state.asOf === asOf) {
        target.innerHTML = html;
        target.dataset.page = page;
        target.dataset.position = asOf ? '' : String(head);
        target.dataset.asOf = asOf ?? '';
        target.dataset.valueDate = valueDate ?? '';
      }
    } catch (e) {
      target.innerHTML = `<section class="panel"><h2>Could not load this page</h2><p class="error" data-testid="page-error">${esc(e.message)}</p></section>`;
      if (e.status === 401) signOut();
    } finally {
      state.rendering = false;
      updateStatus();
      if (state.again) { state.again = false; render(); }
    }
  }

  function updateStatus() {
    const status = document.getElementById('status');
    status.classList.toggle('as-of', !!state.asOf);
    // The header's axes say which instant; here only that the page no longer follows the stream.
    status.textContent = state.asOf ? 'not live' : `live · position ${state.head}`;
    const axes = document.getElementById('axes');
    const shown = [state.valueDate && `Books at ${state.valueDate}`, state.asOf && `As recorded at ${state.asOf}`].filter(Boolean);
    axes.hidden = !shown.length;
    axes.textContent = shown.join(' · ');
  }

  // ---------- live updates ----------
  async function listen() {
    if (state.stream) state.stream.abort();
    const controller = new AbortController();
    state.stream = controller;
    while (!controller.signal.aborted && state.session) {
      try {
        const response = await fetch(API + '/live', { headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: controller.signal });
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('');
            if (data) onPosition(JSON.parse(data).position);
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }

  function onPosition(position) {
    if (position <= state.head) return;
    state.head = position;
    updateStatus();
    if (!state.asOf) render();
  }

  // ---------- session ----------
  async function signIn(token, remember) {
    state.token = token;
    const { body } = await get('/session');
    state.session = body;
    if (remember) sessionStorage.setItem('reserve-token', token);
    document.getElementById('nav').hidden = false;
    document.getElementById('controls').hidden = false;
    document.getElementById('who').textContent = `${body.name} (${body.role}${body.manufacturerId ? ' · ' + body.manufacturerId : ''})`;
    const allowed = pagesFor(body.role);
    document.querySelectorAll('nav a').forEach(a => { if (!allowed.includes(a.dataset.page)) a.remove(); });
    document.getElementById('value-date').max = new Date().toISOString().slice(0, 10);
    document.body.dataset.role = body.role;
    listen();
    render();
  }

  function signOut() {
    sessionStorage.removeItem('reserve-token');
    state.session = null;
    if (state.stream) state.stream.abort();
    location.hash = '';
    location.reload();
  }

  /** Both axes from their inputs; an empty one is the default: today's books, recorded live. */
  function applyTime() {
    const date = document.getElementById('value-date').value;
    const instant = document.getElementById('as-of').value;
    state.valueDate = date || null;
    state.asOf = instant ? new Date(instant + (instant.length === 16 ? ':00' : '') + 'Z').toISOString().replace('.000Z', 'Z') : null;
    render();
  }

  function clearTime() {
    state.valueDate = null;
    state.asOf = null;
    document.getElementById('value-date').value = '';
    document.getElementById('as-of').value = '';
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('sign-in').addEventListener('submit', async event => {
      event.preventDefault();
      const error = document.getElementById('sign-in-error');
      try {
        await signIn(document.getElementById('token').value.trim(), true);
      } catch (e) {
        error.hidden = false;
        error.textContent = e.status === 401 ? 'That token is not valid.' : 'Sign-in failed: ' + e.message;
      }
    });
    document.getElementById('time-apply').addEventListener('click', applyTime);
    document.getElementById('time-clear').addEventListener('click', clearTime);
    document.getElementById('sign-out').addEventListener('click', signOut);
    window.addEventListener('hashchange', render);
    if (state.token) signIn(state.token, false).catch(() => sessionStorage.removeItem('reserve-token'));
  });
})();
