// The desk's static files, compiled in so `firebreak serve` is one binary with nothing to deploy beside it.
// Raw string literals keep JavaScript backslashes and regular expressions exactly as written.

/// The desk's stylesheet, script and the public gallery's stylesheet, served under `/static/`.
public enum DeskAssets {
    /// `/static/desk.css`: dense, readable desk styling; works without the script.
    public static let css = #"""
    :root {
      --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --panel: #ffffff;
      --link: #0757b8; --focus: #1a73e8;
      --supportive: #2e7d32; --neutral: #9e9e9e; --critical: #c62828;
      --healthy: #2e7d32; --watch: #f9a825; --hijacked: #c62828; --recovering: #1565c0;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
      font-size: 14px; line-height: 1.45; color: var(--ink); background: var(--bg);
    }
    * { box-sizing: border-box; }
    body { margin: 0; }
    a { color: var(--link); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
      outline: 3px solid var(--focus); outline-offset: 2px;
    }
    code, kbd, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
    kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
    pre { white-space: pre-wrap; word-break: break-word; background: var(--bg); padding: 6px 8px; border-radius: 4px; margin: 4px 0; max-height: 16em; overflow: auto; }
    h1 { font-size: 20px; margin: 8px 0 12px; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
    h2 { font-size: 16px; margin: 0 0 8px; }
    h3 { font-size: 14px; margin: 0 0 6px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    h4 { font-size: 13px; margin: 10px 0 4px; color: var(--muted); }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
    [hidden] { display: none !important; }

    /* Header */
    .top { display: flex; align-items: center; gap: 14px; flex-wrap: wrap; padding: 6px 16px; background: #24292f; color: #fff; }
    .top a { color: #fff; text-decoration: none; }
    .brand { font-weight: 700; letter-spacing: .02em; }
    .nav { display: flex; gap: 2px; flex-wrap: wrap; }
    .nav a { padding: 4px 8px; border-radius: 4px; }
    .nav a:hover { background: #3b424a; }
    .nav a.active { background: #fff; color: #24292f; }
    .nav a.public { opacity: .8; }
    .switcher { position: relative; }
    .switcher summary { cursor: pointer; padding: 4px 8px; border: 1px solid #57606a; border-radius: 4px; }
    .switcher ul { position: absolute; z-index: 5; list-style: none; margin: 4px 0 0; padding: 4px; background: #fff; border: 1px solid var(--line); border-radius: 6px; min-width: 220px; box-shadow: 0 4px 12px rgba(0,0,0,.15); }
    .switcher li a { display: block; padding: 4px 8px; color: var(--ink); }
    .switcher li a[aria-current] { font-weight: 700; }
    .who { margin-left: auto; display: flex; align-items: center; gap: 8px; }
    .who form { margin: 0; }
    .who button { background: transparent; color: #fff; border: 1px solid #57606a; }
    .role { font-size: 11px; text-transform: uppercase; padding: 1px 6px; border-radius: 8px; background: #57606a; }
    main { padding: 12px 16px 32px; max-width: 1280px; margin: 0 auto; }
    .foot { text-align: center; color: var(--muted); font-size: 12px; padding: 12px; }

    /* Panels, tables, forms */
    .panel, .alert-card, .reply-card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 0 0 12px; }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 12px; }
    table { border-collapse: collapse; width: 100%; background: var(--panel); }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; color: var(--muted); padding: 4px 0; }
    .empty, .note, .hint, .sub { color: var(--muted); }
    .hint { display: block; font-size: 12px; }
    .readonly { font-style: italic; }
    .error { color: var(--critical); }
    label { display: inline-flex; flex-direction: column; gap: 2px; margin: 0 10px 8px 0; font-size: 12.5px; color: var(--muted); }
    label.check { flex-direction: row; align-items: center; gap: 6px; color: var(--ink); display: flex; }
    input, select, textarea { font: inherit; color: var(--ink); padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
    textarea { width: min(100%, 640px); }
    .settings label:not(.check) { display: flex; max-width: 520px; }
    button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 4px; background: #f3f4f6; color: var(--ink); cursor: pointer; }
    button:hover { background: #e7e9ec; }
    button:disabled, fieldset:disabled button { cursor: not-allowed; opacity: .55; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 8px; padding: 8px 10px; }
    fieldset.toolbar, .inline fieldset, .alert-actions fieldset, .reply-card fieldset { border: 0; padding: 0; margin: 0; }
    legend { font-weight: 600; font-size: 13px; }
    form.inline { display: inline-block; margin: 0 6px 0 0; }
    .filters { display: flex; flex-wrap: wrap; align-items: flex-end; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px 0; margin-bottom: 12px; }
    .filters button, .filters > a { margin: 0 10px 8px 0; }
    .pager { text-align: center; margin: 16px 0; }

    /* Banners */
    .banner { padding: 8px 12px; border-radius: 6px; margin: 0 0 12px; border: 1px solid var(--line); background: #fff; }
    .banner.live { position: sticky; top: 0; z-index: 4; margin: 0; border-radius: 0; background: #fff8c5; border-color: #d4a72c; }
    .banner.error, .banner.paused, .banner.frozen { background: #ffebe9; border-color: #ff8182; }
    .banner.notice { background: #ddf4ff; border-color: #54aeff; }
    .banner.new-posts { background: #ddf4ff; border-color: #54aeff; }

    /* Health, breaker, stance */
    .health { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 12px; font-weight: 700; text-transform: uppercase; color: #fff; background: var(--healthy); }
    .health-healthy { background: var(--healthy); }
    .health-watch { background: var(--watch); color: #1f2328; }
    .health-hijacked { background: var(--hijacked); }
    .health-recovering { background: var(--recovering); }
    .breaker { padding: 6px 10px; border-radius: 6px; border-left: 4px solid var(--healthy); background: #fff; margin: 6px 0; }
    .breaker-tripped { border-left-color: var(--hijacked); background: #ffebe9; font-weight: 600; }
    .breaker-overridden { border-left-color: var(--watch); background: #fff8c5; }
    .breaker-state { font-weight: 600; }
    .breaker-state.breaker-tripped { color: var(--hijacked); background: none; }
    .stance { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
    .stance-supportive.stance, .key-supportive::before { background: var(--supportive); }
    .stance-neutral.stance, .key-neutral::before { background: var(--neutral); }
    .stance-critical.stance, .key-critical::before { background: var(--critical); }
    .key { margin-right: 12px; font-size: 12px; color: var(--muted); }
    .key::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
    .tag { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 11.5px; border: 1px solid var(--line); background: #f6f8fa; }
    .tag.sarcastic { border-color: #bf8700; color: #7d4e00; }
    .tag.offensive, .tag.flagged { border-color: var(--critical); color: var(--critical); }
    .tag.featured { border-color: var(--supportive); color: var(--supportive); }
    .moderation { font-size: 12px; color: var(--muted); }
    .moderation-approved { color: var(--supportive); }
    .moderation-rejected { color: var(--critical); }
    .moderation-held { color: #7d4e00; }

    /* Overview */
    .headline h1 { margin-bottom: 2px; }
    .counts dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(110px, 1fr)); gap: 8px; margin: 8px 0 12px; }
    .count { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
    .count dt { font-size: 12px; color: var(--muted); }
    .count dd { margin: 0; font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
    .count-supportive { border-top: 3px solid var(--supportive); }
    .count-neutral { border-top: 3px solid var(--neutral); }
    .count-critical { border-top: 3px solid var(--critical); }
    .mix { display: block; border-radius: 4px; overflow: hidden; }
    .timeline { width: 100%; overflow: hidden; }
    .chart { display: block; max-width: 100%; height: auto; }
    .legend { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
    .term { display: inline-block; background: #eef1f4; border-radius: 4px; padding: 0 5px; margin: 1px 2px 1px 0; }
    .shared { word-break: break-word; max-width: 420px; }

    /* Alerts */
    .alert-card { border-left: 4px solid var(--watch); }
    .alert-card.level-alert { border-left-color: var(--hijacked); }
    .alert-card.status-resolved { opacity: .75; border-left-color: var(--line); }
    .alert-id { font-family: ui-monospace, monospace; }
    .level { text-transform: uppercase; font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 8px; background: var(--watch); }
    .level-alert.level { background: var(--hijacked); color: #fff; }
    .alert-status { font-size: 12px; color: var(--muted); }
    .summary { font-weight: 600; margin: 4px 0; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
    .facts dt { color: var(--muted); }
    .facts dd { margin: 0; }
    .figures { width: auto; min-width: 280px; }
    .notes { padding-left: 20px; }
    .alert-actions { margin-top: 8px; border-top: 1px solid var(--line); padding-top: 8px; }
    .annotate { display: flex; align-items: flex-end; gap: 8px; margin-top: 6px; }

    /* Cards (posts and queue) */
    .cards { display: grid; gap: 8px; }
    .card { background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--neutral); border-radius: 6px; padding: 8px 12px; }
    .card.stance-supportive { border-left-color: var(--supportive); }
    .card.stance-critical { border-left-color: var(--critical); }
    .card:focus { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 6px rgba(26,115,232,.18); }
    .card:has(input[name="keys"]:checked) { background: #eef6ff; }
    .card-head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
    .pick { flex-direction: row; margin: 0; }
    .pick input { width: 18px; height: 18px; }
    .display-name { font-weight: 600; color: var(--ink); }
    .handle { color: var(--muted); }
    .meta { color: var(--muted); font-size: 12px; }
    .card .text { white-space: pre-wrap; word-break: break-word; margin: 6px 0; font-size: 14.5px; }
    .carried { margin: 4px 0 6px; padding: 4px 10px; border-left: 3px solid var(--line); color: var(--muted); white-space: pre-wrap; }
    .links { margin: 0 0 6px; padding-left: 18px; font-size: 12.5px; word-break: break-all; }
    .media { display: flex; gap: 6px; flex-wrap: wrap; margin: 4px 0 6px; }
    .thumb { margin: 0; max-width: 180px; font-size: 11.5px; color: var(--muted); }
    .thumb img { display: block; max-width: 180px; max-height: 140px; border-radius: 4px; border: 1px solid var(--line); object-fit: cover; }
    .no-preview { display: block; padding: 20px 8px; background: var(--bg); border: 1px dashed var(--line); border-radius: 4px; }
    .scores { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; font-size: 12px; }
    .score { font-variant-numeric: tabular-nums; color: var(--muted); }
    .warnings, .blockers { margin: 6px 0 0; padding-left: 18px; font-size: 12.5px; }
    .warnings li { color: #7d4e00; }
    .blockers li { color: var(--muted); }
    .why { margin-top: 6px; font-size: 12.5px; }
    .why summary { cursor: pointer; color: var(--link); }
    .reasons { width: auto; min-width: 360px; margin-top: 4px; }
    .weight-pos { color: var(--supportive); }
    .weight-neg { color: var(--critical); }

    /* Queue */
    .tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin-bottom: 10px; }
    .tabs a { padding: 6px 12px; border: 1px solid transparent; border-bottom: 0; border-radius: 6px 6px 0 0; text-decoration: none; }
    .tabs a.active { background: var(--panel); border-color: var(--line); color: var(--ink); font-weight: 600; margin-bottom: -1px; }
    .count { font-variant-numeric: tabular-nums; }
    .tabs .count, h2 .count { font-size: 12px; background: #eef1f4; border-radius: 8px; padding: 0 6px; color: var(--muted); }
    .toolbar { position: sticky; top: 0; z-index: 3; background: var(--bg); padding: 6px 0 !important; }
    .toolbar .approve { border-color: var(--supportive); color: var(--supportive); }
    .toolbar .reject { border-color: var(--critical); color: var(--critical); }
    .help { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin-bottom: 10px; }
    .help summary { cursor: pointer; }
    .keys { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
    .keys dd { margin: 0; }

    /* Replies, outbox, audit */
    .reply-card .meta { margin: 0 0 4px; }
    .reply-text { margin: 4px 0; padding: 4px 10px; border-left: 3px solid var(--supportive); white-space: pre-wrap; }
    .reply-approve { margin: 6px 0; }
    .status-draft .status { color: #7d4e00; font-weight: 600; }
    .status-failed .status { color: var(--critical); font-weight: 600; }
    .status-sent .status { color: var(--supportive); }
    .outbox .destination { word-break: break-all; max-width: 260px; }
    .outbox .payload pre { max-width: 420px; }
    .audit .detail { white-space: pre-wrap; word-break: break-word; }

    /* Campaign list, login, errors */
    .campaigns td a { font-weight: 600; }
    .login-box, .error-box { max-width: 380px; margin: 10vh auto; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; }
    .login-form label { display: flex; margin: 0 0 10px; }
    .login-form.token { margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--line); }
    .status-code { color: var(--critical); }

    @media (max-width: 720px) {
      .who { margin-left: 0; }
      .columns { grid-template-columns: 1fr; }
      .reasons, .figures { min-width: 0; }
    }
    """#

    /// `/static/gallery.css`: the public gallery and its embed; no dependency on the desk's stylesheet.
    public static let galleryCSS = #"""
    :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #1f2328; background: #fafafa; }
    * { box-sizing: border-box; }
    body { margin: 0; }
    a { color: #0757b8; }
    a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
    .g-head { padding: 24px 20px 8px; max-width: 1200px; margin: 0 auto; }
    .g-head h1 { margin: 0 0 6px; font-size: 26px; }
    .brief { margin: 0 0 4px; font-size: 16px; color: #404850; }
    .tags { margin: 0; color: #59636e; }
    .paused { max-width: calc(1200px - 40px); margin: 12px auto; padding: 10px 14px; box-sizing: border-box; width: calc(100% - 40px); background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; }
    main { max-width: 1200px; margin: 0 auto; padding: 12px 20px; }
    .grid { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
    .g-item figure { margin: 0; background: #fff; border: 1px solid #d1d9e0; border-radius: 8px; overflow: hidden; height: 100%; }
    .g-item img { display: block; width: 100%; aspect-ratio: 4 / 3; object-fit: cover; background: #eef1f4; }
    .g-item figcaption { padding: 10px 12px; }
    .g-item .text { margin: 0 0 8px; white-space: pre-wrap; word-break: break-word; }
    .g-item .by { margin: 0; font-size: 13px; color: #59636e; }
    .empty { color: #59636e; }
    .g-foot { max-width: 1200px; margin: 0 auto; padding: 12px 20px 24px; font-size: 13px; color: #59636e; }
    .embed main { padding: 8px; }
    .embed .grid { grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; }
    .embed .g-item figcaption { padding: 6px 8px; font-size: 13px; }
    .embed .paused { margin: 8px; }
    .embed .g-foot { padding: 4px 8px 8px; }
    """#

    /// `/static/desk.js`: live updates over Server-Sent Events, the timeline redraw, queue shortcuts and confirmations.
    ///
    /// Server data only ever reaches the page through `textContent` and `setAttribute` on attributes the script
    /// chose (never `innerHTML`, never a URL or handler), and the script makes no request outside the desk.
    public static let js = #"""
    (function () {
      'use strict';

      var body = document.body;
      if (!body) { return; }
      var campaign = body.getAttribute('data-campaign');
      var hasOwn = Object.prototype.hasOwnProperty;

      function byId(id) { return document.getElementById(id); }
      function formatCount(value) {
        var n = Number(value);
        if (!isFinite(n)) { return null; }
        // The server writes 1,234 regardless of locale; match it.
        return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      }
      function setCount(id, value) {
        var el = byId(id);
        var text = formatCount(value);
        if (el && text !== null) { el.textContent = text; }
      }
      function parse(event) {
        try { return JSON.parse(event.data); } catch (e) { return null; }
      }
      function str(value, limit) {
        var text = value === undefined || value === null ? '' : String(value);
        return text.length > limit ? text.slice(0, limit) + '\u2026' : text;
      }

      // Forms that ask before they act (breaker override and re-arm).
      document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form || form.tagName !== 'FORM') { return; }
        var message = form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) { event.preventDefault(); }
      });

      // The live banner: one line of text, dismissed by a click.
      var banner = byId('live-banner');
      if (banner) {
        banner.addEventListener('click', function () { banner.hidden = true; });
        banner.title = 'Click to dismiss';
      }
      function announce(message) {
        if (!banner) { return; }
        banner.textContent = message;
        banner.hidden = false;
      }

      // Health badge and breaker sentence.
      var HEALTH = ['healthy', 'watch', 'hijacked', 'recovering'];
      function setHealth(value) {
        if (HEALTH.indexOf(value) < 0) { return; }
        var el = byId('health');
        if (!el) { return; }
        HEALTH.forEach(function (h) { el.classList.remove('health-' + h); });
        el.classList.add('health-' + value);
        el.setAttribute('data-health', value);
        el.textContent = value;
      }
      var BREAKER = {
        armed: 'Circuit breaker armed: auto-approval, gallery and replies run normally.',
        tripped: 'Circuit breaker tripped: auto-approval stopped, gallery frozen, replies paused.',
        overridden: 'Circuit breaker overridden: a person let actions resume; it trips again if health gets worse.'
      };
      function setBreaker(state) {
        if (!hasOwn.call(BREAKER, state)) { return; }
        var el = byId('breaker');
        if (!el) { return; }
        Object.keys(BREAKER).forEach(function (s) { el.classList.remove('breaker-' + s); });
        el.classList.add('breaker-' + state);
        el.setAttribute('data-state', state);
        var text = byId('breaker-text');
        if (text) { text.textContent = BREAKER[state]; }
        var since = el.querySelector('.since');
        if (since) { since.textContent = 'Changed just now.'; }
      }

      // Counters and the stance mix.
      function setMix(data) {
        var s = Number(data.supportive) || 0, n = Number(data.neutral) || 0, c = Number(data.critical) || 0;
        var total = s + n + c;
        var x = 0;
        [['supportive', s], ['neutral', n], ['critical', c]].forEach(function (pair) {
          var width = total > 0 ? pair[1] * 100 / total : 0;
          var rect = byId('mix-' + pair[0]);
          if (rect) {
            rect.setAttribute('x', String(Math.round(x * 10) / 10));
            rect.setAttribute('width', String(Math.round(width * 10) / 10));
          }
          var share = byId('share-' + pair[0]);
          if (share) { share.textContent = (total > 0 ? Math.round(pair[1] * 100 / total) : 0) + '%'; }
          x += width;
        });
      }

      // The timeline chart, redrawn from /api/campaigns/{id}/timeline with the server's geometry.
      var SVGNS = 'http://www.w3.org/2000/svg';
      var G = { width: 960, height: 240, left: 44, right: 948, bandY: 6, bandHeight: 8, top: 22, bottom: 206, maxBars: 180 };
      var GROUPS = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440];
      var STANCE_COLOUR = { supportive: '#2e7d32', neutral: '#9e9e9e', critical: '#c62828' };
      var HEALTH_COLOUR = { healthy: '#2e7d32', watch: '#f9a825', hijacked: '#c62828', recovering: '#1565c0' };
      var SEVERITY = { healthy: 0, recovering: 1, watch: 2, hijacked: 3 };
      var GRID = '#e0e0e0', AXIS = '#555555', ALERT = '#6a1b9a', WATCH = '#e65100';

      function svgElement(name, attributes, text) {
        var node = document.createElementNS(SVGNS, name);
        Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, String(attributes[key])); });
        if (text !== undefined) { node.textContent = String(text); }
        return node;
      }
      function r1(value) { return Math.round(value * 10) / 10; }
      function count(value) { var n = Number(value); return isFinite(n) && n > 0 ? Math.floor(n) : 0; }
      function pad2(n) { return (n < 10 ? '0' : '') + n; }
      function clock(date) { return pad2(date.getUTCHours()) + ':' + pad2(date.getUTCMinutes()); }
      function display(date) {
        return date.getUTCFullYear() + '-' + pad2(date.getUTCMonth() + 1) + '-' + pad2(date.getUTCDate()) + ' ' + clock(date);
      }
      function groupSize(span) {
        for (var i = 0; i < GROUPS.length; i++) {
          if (Math.ceil(span / GROUPS[i]) <= G.maxBars) { return GROUPS[i]; }
        }
        return Math.max(GROUPS[GROUPS.length - 1], Math.ceil(span / G.maxBars));
      }
      function niceMaximum(value) {
        if (value <= 1) { return 1; }
        var magnitude = 1;
        while (magnitude * 10 <= value) { magnitude *= 10; }
        var steps = [1, 2, 5, 10];
        for (var i = 0; i < steps.length; i++) {
          if (steps[i] * magnitude >= value) { return steps[i] * magnitude; }
        }
        return 10 * magnitude;
      }

      function drawTimeline(container, data) {
        var rows = data && Array.isArray(data.minutes) ? data.minutes : [];
        var alerts = data && Array.isArray(data.alerts) ? data.alerts : [];
        var minutes = rows.filter(function (m) { return m && isFinite(Number(m.minute)); });
        var svg = svgElement('svg', {
          id: 'timeline-svg', 'class': 'chart', viewBox: '0 0 ' + G.width + ' ' + G.height, width: '100%', role: 'img',
          'aria-labelledby': 'timeline-title', 'font-size': 11, 'font-family': 'system-ui, sans-serif'
        });
        var title = svgElement('title', { id: 'timeline-title' });
        svg.appendChild(title);
        if (!minutes.length) {
          title.textContent = 'Timeline: no closed minutes yet';
          svg.appendChild(svgElement('text', { x: G.width / 2, y: G.height / 2, 'text-anchor': 'middle', fill: AXIS }, 'No closed minutes yet.'));
          replaceChart(container, svg);
          return;
        }
        var first = Infinity, last = -Infinity;
        minutes.forEach(function (m) {
          var minute = Math.floor(Number(m.minute));
          if (minute < first) { first = minute; }
          if (minute > last) { last = minute; }
        });
        var size = groupSize(last - first + 1);
        var start = Math.floor(first / size) * size;
        var n = (Math.floor(last / size) * size - start) / size + 1;
        var buckets = [];
        for (var i = 0; i < n; i++) {
          buckets.push({ minute: start + i * size, supportive: 0, neutral: 0, critical: 0, posts: 0, health: 'healthy' });
        }
        var totalPosts = 0;
        minutes.forEach(function (m) {
          var index = (Math.floor(Math.floor(Number(m.minute)) / size) * size - start) / size;
          var b = buckets[index];
          if (!b) { return; }
          b.supportive += count(m.supportive);
          b.neutral += count(m.neutral);
          b.critical += count(m.critical);
          b.posts += count(m.posts);
          totalPosts += count(m.posts);
          var health = hasOwn.call(SEVERITY, m.health) ? m.health : 'healthy';
          if (SEVERITY[health] > SEVERITY[b.health]) { b.health = health; }
        });
        var peak = niceMaximum(Math.max.apply(null, buckets.map(function (b) { return b.supportive + b.neutral + b.critical; })));
        var spanMinutes = n * size;
        var slot = (G.right - G.left) / n;
        var barWidth = Math.max(slot * 0.85, 0.5);
        var plot = G.bottom - G.top;
        var per = size === 1 ? 'minute' : size + ' minutes';
        title.textContent = 'Posts per ' + per + ' by stance, ' + formatCount(totalPosts) + ' posts; health band above, alerts marked';

        var grid = svgElement('g', { 'class': 'grid' });
        [0, Math.floor(peak / 2), peak].forEach(function (tick) {
          var y = r1(G.bottom - tick / peak * plot);
          grid.appendChild(svgElement('line', { x1: G.left, x2: G.right, y1: y, y2: y, stroke: GRID }));
          grid.appendChild(svgElement('text', { x: G.left - 6, y: r1(y + 4), 'text-anchor': 'end', fill: AXIS }, tick));
        });
        svg.appendChild(grid);

        var bars = svgElement('g', { 'class': 'bars' });
        buckets.forEach(function (b, index) {
          var x = r1(G.left + index * slot);
          var group = svgElement('g', { 'class': 'bucket' });
          group.appendChild(svgElement('title', {}, display(new Date(b.minute * 60000)) + ' UTC: ' + b.posts + ' posts, ' +
            b.supportive + ' supportive, ' + b.neutral + ' neutral, ' + b.critical + ' critical; ' + b.health));
          group.appendChild(svgElement('rect', {
            'class': 'hb hb-' + b.health, x: x, y: G.bandY, width: r1(slot), height: G.bandHeight, fill: HEALTH_COLOUR[b.health]
          }));
          var base = G.bottom;
          ['supportive', 'neutral', 'critical'].forEach(function (stance) {
            if (b[stance] <= 0) { return; }
            var h = b[stance] / peak * plot;
            base -= h;
            group.appendChild(svgElement('rect', {
              'class': 'bar bar-' + stance, x: x, y: r1(base), width: r1(barWidth), height: r1(h), fill: STANCE_COLOUR[stance]
            }));
          });
          bars.appendChild(group);
        });
        svg.appendChild(bars);

        var marks = svgElement('g', { 'class': 'alerts' });
        alerts.forEach(function (a) {
          if (!a) { return; }
          var time = Date.parse(a.raised_at);
          if (!isFinite(time)) { return; }
          var fraction = (time / 60000 - start) / spanMinutes;
          if (!(fraction >= -0.001 && fraction <= 1.001)) { return; }
          var x = r1(G.left + Math.min(Math.max(fraction, 0), 1) * (G.right - G.left));
          var level = a.level === 'alert' ? 'alert' : 'watch';
          var colour = level === 'alert' ? ALERT : WATCH;
          var mark = svgElement('g', { 'class': 'alert-marker level-' + level });
          mark.appendChild(svgElement('title', {}, str(a.id, 12) + ' ' + str(a.kind, 32) + ' ' + level + ' at ' + display(new Date(time)) + ' UTC'));
          mark.appendChild(svgElement('line', {
            x1: x, x2: x, y1: G.top, y2: G.bottom, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': '4 3'
          }));
          mark.appendChild(svgElement('text', { x: r1(x + 3), y: G.top + 10, fill: colour, 'font-size': 10 }, str(a.id, 12)));
          marks.appendChild(mark);
        });
        svg.appendChild(marks);

        var axis = svgElement('g', { 'class': 'x-axis' });
        var end = start + n * size;
        var showDate = spanMinutes > 1440;
        [[start, 'start'], [Math.floor((start + end) / 2), 'middle'], [end, 'end']].forEach(function (pair) {
          var x = r1(G.left + (pair[0] - start) / spanMinutes * (G.right - G.left));
          var date = new Date(pair[0] * 60000);
          axis.appendChild(svgElement('text', { x: x, y: G.bottom + 18, 'text-anchor': pair[1], fill: AXIS }, showDate ? display(date) : clock(date)));
        });
        axis.appendChild(svgElement('text', { x: G.right, y: G.height - 2, 'text-anchor': 'end', fill: AXIS },
          'UTC \u00b7 ' + (size === 1 ? '1 minute' : size + ' minutes') + ' per bar'));
        svg.appendChild(axis);
        replaceChart(container, svg);
      }

      function replaceChart(container, svg) {
        var old = byId('timeline-svg');
        if (old && old.parentNode === container) {
          container.replaceChild(svg, old);
        } else {
          while (container.firstChild) { container.removeChild(container.firstChild); }
          container.appendChild(svg);
        }
      }

      // At most one timeline request every two seconds, however many events arrive.
      var timeline = byId('timeline');
      var timelineLast = 0, timelineTimer = null, timelineBusy = false;
      function timelineURL() {
        var src = timeline.getAttribute('data-src') || '';
        // Only a same-origin API path; anything else falls back to the known route.
        if (/^\/api\/campaigns\/[^\/?#]+\/timeline$/.test(src)) { return src; }
        return '/api/campaigns/' + encodeURIComponent(campaign) + '/timeline';
      }
      function scheduleTimeline() {
        if (!timeline || !campaign || typeof window.fetch !== 'function' || timelineTimer) { return; }
        var wait = Math.max(0, 2000 - (Date.now() - timelineLast));
        timelineTimer = setTimeout(function () {
          timelineTimer = null;
          if (timelineBusy) { scheduleTimeline(); return; }
          timelineBusy = true;
          timelineLast = Date.now();
          fetch(timelineURL(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) {
              if (!response.ok) { throw new Error('timeline: HTTP ' + response.status); }
              return response.json();
            })
            .then(function (data) { drawTimeline(timeline, data); })
            .catch(function () { /* keep the last drawing; the next event tries again */ })
            .then(function () { timelineBusy = false; });
        }, wait);
      }

      // An event time as the pages print it (`2014-04-22 19:01:12 UTC`), in a <time> element built by hand.
      function setTime(id, millis) {
        var holder = byId(id);
        var date = new Date(millis);
        if (!holder || isNaN(date.getTime())) { return; }
        var iso = date.toISOString();
        var time = document.createElement('time');
        time.setAttribute('datetime', iso.slice(0, 19) + 'Z');
        time.textContent = iso.slice(0, 10) + ' ' + iso.slice(11, 19) + ' UTC';
        holder.replaceChildren(time);
      }

      // Live events for this campaign.
      var newPosts = 0;
      if (campaign && typeof window.EventSource === 'function') {
        var source = new EventSource('/campaigns/' + encodeURIComponent(campaign) + '/events');

        source.addEventListener('posts', function (event) {
          var data = parse(event);
          if (!data) { return; }
          setCount('count-posts', data.total);
          setCount('count-supportive', data.supportive);
          setCount('count-neutral', data.neutral);
          setCount('count-critical', data.critical);
          if (data.sarcastic !== undefined) { setCount('count-sarcastic', data.sarcastic); }
          if (data.duplicates !== undefined) { setCount('count-duplicates', data.duplicates); }
          if (data.rejected !== undefined) { setCount('count-rejected', data.rejected); }
          setMix(data);
          if (typeof data.latest === 'string') { setTime('latest-post', Date.parse(data.latest)); }
          var notice = byId('new-posts');
          var inserted = count(data.inserted);
          if (notice && inserted > 0) {
            // The list is never changed under the reader: they choose when to reload.
            newPosts += inserted;
            var text = byId('new-posts-text');
            if (text) { text.textContent = formatCount(newPosts) + (newPosts === 1 ? ' new post \u2014' : ' new posts \u2014'); }
            notice.hidden = false;
          }
          scheduleTimeline();
        });

        source.addEventListener('minute', function (event) {
          var data = parse(event);
          if (data) {
            setHealth(data.health);
            if (typeof data.minute === 'number') { setTime('closed-through', (data.minute + 1) * 60000); }
          }
          scheduleTimeline();
        });

        source.addEventListener('health', function (event) {
          var data = parse(event);
          if (data) { setHealth(typeof data === 'string' ? data : data.health); }
          scheduleTimeline();
        });

        source.addEventListener('alert', function (event) {
          var data = parse(event);
          if (!data) { return; }
          announce('New ' + str(data.level, 16) + ' ' + str(data.id, 16) + ' (' + str(data.kind, 32) + '): ' + str(data.summary, 300));
          scheduleTimeline();
        });

        source.addEventListener('breaker', function (event) {
          var data = parse(event);
          if (!data) { return; }
          setBreaker(data.state);
          setHealth(data.health);
          var sentence = hasOwn.call(BREAKER, data.state) ? BREAKER[data.state] : 'Circuit breaker changed.';
          announce(sentence + (data.actor ? ' (' + str(data.actor, 64) + (data.note ? ': ' + str(data.note, 200) : '') + ')' : ''));
        });

        source.addEventListener('moderation', function (event) {
          var data = parse(event);
          if (!data || !document.getElementById('queue-form')) { return; }
          announce(formatCount(count(data.count)) + ' post(s) moved to ' + str(data.status, 16) + ' \u2014 reload to see the queue as it is now.');
        });

        source.addEventListener('outbox', function (event) {
          var data = parse(event);
          if (!data) { return; }
          var status = byId('outbox-' + str(data.id, 24) + '-status');
          if (status) {
            status.textContent = str(data.status, 16);
          } else if (byId('outbox-list') || document.querySelector('[data-outbox-id]')) {
            announce('The outbox changed \u2014 reload to see it.');
          }
        });
      }

      // Queue keyboard shortcuts: j/k move, x selects, a/r/h act on the selection (or the focused card), ? help.
      var queueForm = byId('queue-form');
      var help = byId('keyboard-help');
      function cards() { return queueForm ? Array.prototype.slice.call(queueForm.querySelectorAll('.card[data-key]')) : []; }
      function focusedCard() {
        var active = document.activeElement;
        return active && typeof active.closest === 'function' ? active.closest('.card[data-key]') : null;
      }
      function checkboxOf(card) { return card ? card.querySelector('input[type="checkbox"][name="keys"]') : null; }
      function move(delta) {
        var list = cards();
        if (!list.length) { return; }
        var index = list.indexOf(focusedCard());
        var next = index < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + delta));
        list[next].focus();
        if (typeof list[next].scrollIntoView === 'function') { list[next].scrollIntoView({ block: 'nearest' }); }
      }
      function act(status) {
        var button = queueForm.querySelector('button[name="status"][value="' + status + '"]');
        if (!button || button.matches(':disabled')) { return; }
        if (!queueForm.querySelector('input[name="keys"]:checked')) {
          var box = checkboxOf(focusedCard());
          if (!box) { return; }
          box.checked = true;
        }
        if (typeof queueForm.requestSubmit === 'function') { queueForm.requestSubmit(button); } else { button.click(); }
      }
      function typing(target) {
        if (!target) { return false; }
        if (target.isContentEditable) { return true; }
        var tag = target.tagName;
        if (tag === 'TEXTAREA' || tag === 'SELECT') { return true; }
        if (tag === 'INPUT') { return ['checkbox', 'radio', 'button', 'submit', 'reset'].indexOf(target.type) < 0; }
        return false;
      }
      if (queueForm || help) {
        document.addEventListener('keydown', function (event) {
          if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
          var handled = true;
          switch (event.key) {
            case 'j': if (queueForm) { move(1); } break;
            case 'k': if (queueForm) { move(-1); } break;
            case 'x': {
              var box = checkboxOf(focusedCard());
              if (box && !box.disabled) { box.checked = !box.checked; } else { handled = false; }
              break;
            }
            case 'a': if (queueForm) { act('approved'); } break;
            case 'r': if (queueForm) { act('rejected'); } break;
            case 'h': if (queueForm) { act('held'); } break;
            case '?':
              if (help) {
                help.open = !help.open;
                if (help.open) { var summary = help.querySelector('summary'); if (summary) { summary.focus(); } }
              }
              break;
            case 'Escape': if (help && help.open) { help.open = false; } else { handled = false; } break;
            default: handled = false;
          }
          if (handled) { event.preventDefault(); }
        });
      }
    })();
    """#
}
