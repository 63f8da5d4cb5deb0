// The web chat page (kiosk and demo). Plain HTML + JS, no build step; kept as a module so the
// compiled app carries it. Text from the server is inserted with textContent only.
export const WEB_CHAT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>百应 Baiying · 网页聊天 Web chat</title>
<style>
  body { margin: 0; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; background: #f3f4f6; color: #111; }
  header { background: #b91c1c; color: #fff; padding: 10px 16px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; }
  header select { font-size: 15px; padding: 4px; }
  main { display: flex; height: calc(100vh - 52px); }
  nav { width: 220px; background: #fff; border-right: 1px solid #ddd; overflow-y: auto; }
  nav button { display: block; width: 100%; text-align: left; padding: 12px; border: 0; border-bottom: 1px solid #eee; background: #fff; cursor: pointer; font-size: 14px; }
  nav button.active { background: #fee2e2; font-weight: bold; }
  section { flex: 1; display: flex; flex-direction: column; }
  #log { flex: 1; overflow-y: auto; padding: 12px; }
  .msg { width: fit-content; max-width: 70%; margin: 6px 0; padding: 8px 12px; border-radius: 8px; white-space: pre-wrap; word-break: break-word; }
  .bot { background: #fff; border: 1px solid #ddd; }
  .me { background: #dcfce7; margin-left: auto; }
  .msg .btns { margin-top: 6px; display: flex; flex-direction: column; gap: 4px; }
  .msg .row { display: flex; gap: 4px; flex-wrap: wrap; }
  .msg .row button { flex: 1; padding: 6px; border: 1px solid #b91c1c; background: #fff; color: #b91c1c; border-radius: 6px; cursor: pointer; }
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
  form input { flex: 1; font-size: 16px; padding: 8px; }
  form button { font-size: 15px; padding: 8px 14px; }
</style>
</head>
<body>
<header>
  <h1>百应 Baiying</h1>
  <label>身份 Persona <select id="persona"></select></label>
  <span id="who"></span>
</header>
<main>
  <nav id="chats"></nav>
  <section>
    <div id="log" aria-live="polite"></div>
    <form id="form">
      <input id="text" autocomplete="off" placeholder="输入消息… Type a message…" maxlength="20000">
      <button type="button" id="loc" title="发送位置 Share location">📍</button>
      <button type="submit" id="send">发送 Send</button>
    </form>
  </section>
</main>
<div id="toast" role="status"></div>
<script>
(function () {
  var personas = [], persona = null, chat = null, mine = {}, pollTimer = null, lastRender = '';
  var $ = function (id) { return document.getElementById(id); };
  function rid() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }
  function guest() {
    var id = localStorage.getItem('baiying-guest');
    if (!id) { id = 'guest-' + rid(); localStorage.setItem('baiying-guest', id); }
    return { externalId: id, displayName: '新居民 New resident', roles: ['resident'], groups: [] };
  }
  function toast(text) {
    var t = $('toast'); t.textContent = text; t.style.display = 'block';
    clearTimeout(toast.t); toast.t = setTimeout(function () { t.style.display = 'none'; }, 3000);
  }
  function post(body) {
    body.personaId = persona.externalId; body.displayName = persona.displayName; body.chatId = chat.chatId; body.clientMsgId = rid();
    return fetch('/api/web/events', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.message || r.status); return j; }); })
      .then(function (j) { if (j.answer && j.answer.text) toast(j.answer.text); setTimeout(poll, 150); return j; })
      .catch(function (e) { toast('⚠️ ' + e.message); });
  }
  function renderChats() {
    var nav = $('chats'); nav.textContent = '';
    var list = [{ chatId: persona.externalId, title: '私聊 Private chat' }].concat(persona.groups.map(function (g) { return { chatId: g.chatId, title: '👥 ' + g.title }; }));
    list.forEach(function (c) {
      var b = document.createElement('button'); b.textContent = c.title; b.dataset.chat = c.chatId;
      if (chat && chat.chatId === c.chatId) b.className = 'active';
      b.onclick = function () { chat = c; renderChats(); lastRender = ''; poll(); };
      nav.appendChild(b);
    });
  }
  function render(messages) {
    var key = JSON.stringify(messages) + JSON.stringify(mine[chat.chatId] || []);
    if (key === lastRender) return; lastRender = key;
    var log = $('log'); var stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 20;
    log.textContent = '';
    var items = messages.map(function (m) { return { at: m.at, bot: true, m: m }; })
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
      hint.textContent = chat.chatId === persona.externalId
        ? '说说您需要什么帮助，例如“家里老人想找人上门理发”；志愿者发 /register，管理员发 /help。 / Describe the help you need; volunteers send /register, coordinators /help.'
        : '队伍群：新需求会出现在这里。 / Team group: new jobs appear here.';
      log.appendChild(hint);
    }
    if (stick) log.scrollTop = log.scrollHeight;
  }
  function poll() {
    if (!chat) return;
    var c = chat.chatId;
    fetch('/api/web/chats/' + encodeURIComponent(c) + '/messages').then(function (r) { return r.json(); })
      .then(function (ms) { if (chat && chat.chatId === c) render(ms); }).catch(function () {});
  }
  function choose(id) {
    persona = personas.filter(function (p) { return p.externalId === id; })[0] || personas[0];
    $('who').textContent = persona.roles.join(', ');
    chat = { chatId: persona.externalId, title: 'private' }; lastRender = ''; renderChats(); poll();
    localStorage.setItem('baiying-persona', persona.externalId);
  }
  $('form').onsubmit = function (ev) {
    ev.preventDefault();
    var text = $('text').value; if (!text.trim()) return;
    (mine[chat.chatId] = mine[chat.chatId] || []).push({ text: text, at: new Date().toISOString() });
    $('text').value = ''; lastRender = ''; poll(); post({ text: text });
  };
  $('loc').onclick = function () {
    (mine[chat.chatId] = mine[chat.chatId] || []).push({ text: '📍', at: new Date().toISOString() });
    post({ location: { lat: 31.3623, lng: 119.8236 } });
  };
  $('persona').onchange = function () { choose(this.value); };
  fetch('/api/web/personas').then(function (r) { return r.json(); }).then(function (ps) {
    personas = [guest()].concat(ps);
    personas.forEach(function (p) {
      var o = document.createElement('option'); o.value = p.externalId; o.textContent = p.displayName + ' (' + p.roles.join('/') + ')';
      $('persona').appendChild(o);
    });
    var saved = localStorage.getItem('baiying-persona');
    $('persona').value = saved && personas.some(function (p) { return p.externalId === saved; }) ? saved : personas[0].externalId;
    choose($('persona').value);
    pollTimer = setInterval(poll, 1000);
  });
})();
</script>
</body>
</html>
`;
