// The web chat page (a resident's own chat; the persona switcher in demo mode). Plain HTML + JS,
// no build step; kept as a module so the compiled app carries it. Text from the server is
// inserted with textContent only, and the page runs under a strict Content-Security-Policy
// that allows exactly its own inline script and style (by hash).
import { createHash } from 'node:crypto';
import { t, type MessageKey } from '@baiying/i18n';

/** The page's own words, in both languages, from the one catalogue. */
const PAGE_KEYS = [
  'web.title',
  'web.brand',
  'web.persona',
  'web.placeholder',
  'web.send',
  'web.location',
  'web.private_chat',
  'web.hint_private',
  'web.hint_group',
  'web.no_location',
  'web.location_failed',
  'web.new_resident',
  'web.role.resident',
  'web.role.volunteer',
  'web.role.coordinator',
  'web.lang_other',
  'web.lang_label',
] as const satisfies readonly MessageKey[];
const pageText = (locale: 'zh' | 'en'): Record<string, string> => Object.fromEntries(PAGE_KEYS.map((k) => [k.slice(4), t(k, {}, locale)]));
// JSON inside a script: "<" escaped so no text can close the script element.
const PAGE_TEXT = JSON.stringify({ zh: pageText('zh'), en: pageText('en') }).replace(/</g, '\\u003c');

export const WEB_CHAT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('web.title', {}, 'zh')}</title>
<style>
  [hidden] { display: none !important; }
  body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 17px; line-height: 1.5; background: #f3f4f6; color: #111; }
  header { background: #b91c1c; color: #fff; padding: 10px 16px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; }
  header select { font-size: 16px; min-height: 44px; padding: 4px; }
  header #lang { margin-left: auto; font-size: 16px; min-height: 44px; min-width: 44px; padding: 4px 12px; border: 1px solid #fff; background: transparent; color: #fff; border-radius: 6px; cursor: pointer; }
  main { display: flex; height: calc(100vh - 52px); }
  nav { width: 220px; background: #fff; border-right: 1px solid #ddd; overflow-y: auto; }
  nav button { display: block; width: 100%; min-height: 44px; text-align: left; padding: 12px; border: 0; border-bottom: 1px solid #eee; background: #fff; cursor: pointer; font-size: 16px; }
  nav button.active { background: #fee2e2; font-weight: bold; }
  section { flex: 1; display: flex; flex-direction: column; }
  #log { flex: 1; overflow-y: auto; padding: 12px; }
  .msg { width: fit-content; max-width: 70%; margin: 6px 0; padding: 8px 12px; border-radius: 8px; white-space: pre-wrap; word-break: break-word; }
  .bot { background: #fff; border: 1px solid #ddd; }
  .me { background: #dcfce7; margin-left: auto; }
  .msg .btns { margin-top: 6px; display: flex; flex-direction: column; gap: 4px; }
  .msg .row { display: flex; gap: 4px; flex-wrap: wrap; }
  .msg .row button { flex: 1; min-height: 44px; min-width: 44px; font-size: 16px; padding: 8px 10px; border: 1px solid #b91c1c; background: #fff; color: #b91c1c; border-radius: 6px; cursor: pointer; }
  .msg .row button:disabled { opacity: 0.5; cursor: wait; }
  @media (max-width: 640px) {
    main { flex-direction: column; height: auto; min-height: calc(100vh - 90px); }
    nav { width: 100%; display: flex; overflow-x: auto; border-right: 0; border-bottom: 1px solid #ddd; }
    nav button { width: auto; white-space: nowrap; border-bottom: 0; border-right: 1px solid #eee; }
    #log { min-height: 60vh; }
    .msg { max-width: 90%; }
  }
  #toast { position: fixed; bottom: 70px; left: 50%; transform: translateX(-50%); background: #111; color: #fff; padding: 8px 12px; border-radius: 6px; display: none; max-width: 320px; }
  form { display: flex; gap: 6px; padding: 10px; background: #fff; border-top: 1px solid #ddd; }
  form input { flex: 1; font-size: 17px; min-height: 44px; padding: 8px; box-sizing: border-box; }
  form button { font-size: 17px; min-height: 44px; min-width: 44px; padding: 8px 16px; }
</style>
</head>
<body>
<header>
  <h1 id="brand"></h1>
  <label id="personaBox"><span id="personaLabel"></span> <select id="persona"></select></label>
  <span id="who"></span>
  <button type="button" id="lang"></button>
</header>
<main>
  <nav id="chats"></nav>
  <section>
    <div id="log" aria-live="polite"></div>
    <form id="form">
      <input id="text" autocomplete="off" maxlength="20000">
      <button type="button" id="loc">📍</button>
      <button type="submit" id="send"></button>
    </form>
  </section>
</main>
<div id="toast" role="status"></div>
<script>
(function () {
  // The server decides who this browser is (its session cookie); the persona switcher exists
  // only in demo mode (never in production), where the server lists the personas.
  var session = null, personas = [], persona = null, chat = null, mine = {}, lastRender = '';
  var $ = function (id) { return document.getElementById(id); };
  // The page speaks the person's language: the language of the desk's latest message to them,
  // before any, the browser's. One language, never both.
  var TEXT = ${PAGE_TEXT};
  var browserLang = /^en/i.test(navigator.language || '') ? 'en' : 'zh', lang = browserLang, botSeen = 0, pinnedAt = null;
  function tr(key) { return TEXT[lang][key]; }
  function setLang(l) {
    lang = l === 'en' ? 'en' : 'zh';
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = tr('title'); $('brand').textContent = tr('brand'); $('personaLabel').textContent = tr('persona');
    $('text').placeholder = tr('placeholder'); $('send').textContent = tr('send');
    $('loc').title = tr('location'); $('loc').setAttribute('aria-label', tr('location'));
    $('lang').textContent = tr('lang_other'); $('lang').title = tr('lang_label'); $('lang').setAttribute('aria-label', tr('lang_label'));
  }
  function roleWords(roles) { return roles.map(function (r) { return TEXT[lang]['role.' + r] || r; }).join(lang === 'en' ? ', ' : '、'); }
  function rid() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }
  function toast(text) {
    var t = $('toast'); t.textContent = text; t.style.display = 'block';
    clearTimeout(toast.t); toast.t = setTimeout(function () { t.style.display = 'none'; }, 3000);
  }
  function json(r) { return r.json().then(function (j) { if (!r.ok) { var e = new Error(j.message || r.status); e.status = r.status; throw e; } return j; }); }
  function startSession() {
    return fetch('/api/web/session', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(json).then(function (s) { session = s; return s; });
  }
  function self() { return { externalId: session.chatId, displayName: tr('new_resident'), roles: ['resident'], groups: [], self: true }; }
  function post(body, toChatId) {
    body.clientMsgId = rid();
    if (navigator.language && !body.callbackData) body.languageCode = navigator.language;
    if (!persona.self) { body.personaId = persona.externalId; body.displayName = persona.displayName; body.chatId = toChatId || chat.chatId; }
    return fetch('/api/web/events', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf }, body: JSON.stringify(body) })
      .then(json)
      .then(function (j) { if (j.answer && j.answer.text) toast(j.answer.text); setTimeout(poll, 150); return j; })
      .catch(function (e) { if (e.status === 401) restart(); toast('⚠️ ' + e.message); });
  }
  function renderChats() {
    var nav = $('chats'); nav.textContent = '';
    var list = [{ chatId: persona.externalId, title: tr('private_chat') }].concat(persona.groups.map(function (g) { return { chatId: g.chatId, title: '👥 ' + g.title }; }));
    list.forEach(function (c) {
      var b = document.createElement('button'); b.textContent = c.title; b.dataset.chat = c.chatId;
      if (chat && chat.chatId === c.chatId) b.className = 'active';
      b.onclick = function () { chat = c; renderChats(); lastRender = ''; poll(); };
      nav.appendChild(b);
    });
  }
  function render(messages) {
    var fromDesk = messages.filter(function (m) { return !m.mine; });
    botSeen = fromDesk.length;
    // Just toggled: the desk's older messages do not switch the page back before its answer comes.
    if (pinnedAt !== null && botSeen > pinnedAt) pinnedAt = null;
    var latest = fromDesk.filter(function (m) { return m.locale; }).pop();
    if (pinnedAt === null && latest && latest.locale !== lang) { setLang(latest.locale); renderChats(); $('who').textContent = roleWords(persona.roles); }
    var key = lang + JSON.stringify(messages) + JSON.stringify(mine[chat.chatId] || []);
    if (key === lastRender) return; lastRender = key;
    var log = $('log'); var stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 20;
    log.textContent = '';
    var items = messages.map(function (m) { return { at: m.at, bot: !m.mine, m: m }; })
      .concat((mine[chat.chatId] || []).map(function (m) { return { at: m.at, bot: false, m: m }; }))
      .sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
    items.forEach(function (it) {
      var d = document.createElement('div'); d.className = 'msg ' + (it.bot ? 'bot' : 'me');
      d.textContent = it.m.text;
      if (it.bot && it.m.buttons && it.m.buttons.length) {
        var box = document.createElement('div'); box.className = 'btns';
        it.m.buttons.forEach(function (row) {
          var r = document.createElement('div'); r.className = 'row';
          row.forEach(function (btn) {
            var b = document.createElement('button'); b.type = 'button'; b.textContent = btn.label;
            // Disabled while the press is in flight: one tap, one action.
            b.onclick = function () { b.disabled = true; post({ callbackData: btn.data }).then(function () { b.disabled = false; }); };
            r.appendChild(b);
          });
          box.appendChild(r);
        });
        d.appendChild(box);
      }
      log.appendChild(d);
    });
    if (!items.length) {
      var hint = document.createElement('div'); hint.className = 'msg bot';
      hint.textContent = chat.chatId === persona.externalId ? tr('hint_private') : tr('hint_group');
      log.appendChild(hint);
    }
    if (stick) log.scrollTop = log.scrollHeight;
  }
  function poll() {
    if (!chat || !session) return;
    var c = chat.chatId;
    var url = persona.self ? '/api/web/messages' : '/api/web/chats/' + encodeURIComponent(c) + '/messages';
    fetch(url, { credentials: 'same-origin' }).then(json)
      .then(function (ms) { if (chat && chat.chatId === c) render(ms); })
      .catch(function (e) { if (e.status === 401) restart(); });
  }
  function choose(id) {
    persona = personas.filter(function (p) { return p.externalId === id; })[0] || personas[0];
    $('who').textContent = roleWords(persona.roles);
    chat = { chatId: persona.externalId, title: 'private' }; lastRender = ''; renderChats(); poll();
    if (session.demo) localStorage.setItem('baiying-persona', persona.externalId);
  }
  // The session ended (expired, revoked): this browser starts a new chat.
  function restart() {
    if (restart.busy) return; restart.busy = true;
    startSession().then(function () { personas[0] = self(); choose(persona && !persona.self ? persona.externalId : session.chatId); })
      .catch(function () {}).then(function () { restart.busy = false; });
  }
  $('form').onsubmit = function (ev) {
    ev.preventDefault();
    var text = $('text').value; if (!text.trim()) return;
    // Shown at once; the server keeps a private chat's own messages (they come back in the poll).
    var own = { text: text, at: new Date().toISOString() }, c = chat.chatId;
    (mine[c] = mine[c] || []).push(own);
    $('text').value = ''; lastRender = ''; poll();
    post({ text: text }).then(function () { if (persona.self || c === persona.externalId) mine[c] = (mine[c] || []).filter(function (m) { return m !== own; }); });
  };
  $('loc').onclick = function () {
    function send(lat, lng) {
      var own = { text: '📍', at: new Date().toISOString() }, c = chat.chatId;
      (mine[c] = mine[c] || []).push(own);
      post({ location: { lat: lat, lng: lng } }).then(function () { if (persona.self || c === persona.externalId) mine[c] = (mine[c] || []).filter(function (m) { return m !== own; }); });
    }
    // The demo county's sample point; a real browser shares its own position.
    if (session.demo) return send(31.3623, 119.8236);
    if (!navigator.geolocation) return toast('⚠️ ' + tr('no_location'));
    navigator.geolocation.getCurrentPosition(function (p) { send(p.coords.latitude, p.coords.longitude); },
      function () { toast('⚠️ ' + tr('location_failed')); }, { enableHighAccuracy: true, timeout: 10000 });
  };
  $('persona').onchange = function () { choose(this.value); };
  // The person's own choice of language (the server's /lang, said in their private chat): the
  // page switches at once, and the desk writes to them in it from now on, on every channel.
  $('lang').onclick = function () {
    var to = lang === 'en' ? 'zh' : 'en';
    pinnedAt = botSeen; setLang(to); renderChats(); if (persona) $('who').textContent = roleWords(persona.roles); lastRender = '';
    post({ text: '/lang ' + to }, persona && persona.externalId);
  };
  setLang(lang);
  startSession().then(function (s) {
    if (!s.demo) { $('personaBox').hidden = true; $('chats').hidden = true; return []; }
    return fetch('/api/web/personas', { credentials: 'same-origin' }).then(json);
  }).then(function (ps) {
    personas = [self()].concat(ps);
    personas.forEach(function (p) {
      var o = document.createElement('option'); o.value = p.externalId; o.textContent = p.displayName + '（' + roleWords(p.roles) + '）';
      $('persona').appendChild(o);
    });
    var saved = session.demo && localStorage.getItem('baiying-persona');
    $('persona').value = saved && personas.some(function (p) { return p.externalId === saved; }) ? saved : personas[0].externalId;
    choose($('persona').value);
    setInterval(poll, 1000);
  }).catch(function (e) { toast('⚠️ ' + e.message); });
})();
</script>
</body>
</html>
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (tag: string): string => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(WEB_CHAT_PAGE);
  if (!m) throw new Error(`web chat page without <${tag}>`);
  return m[1]!;
};

/** The page's Content-Security-Policy: nothing but its own inline script and style and same-origin calls. */
export const WEB_CHAT_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(inline('script'))}`,
  `style-src ${sha256(inline('style'))}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
