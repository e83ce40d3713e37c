/*
 * Omniroute web chat widget. Embed with one tag on the dealer's site:
 *   <script src="https://<engine>/chat/widget.js" data-dealer="DE-MUC-001" async></script>
 * Optional: data-title="Chat with us". No framework, no cookies; the chat's resume token and
 * transcript live in the tab's sessionStorage. Text is always rendered with textContent.
 * Protocol: docs/channels.md, "Web chat".
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) { return; }
  var dealer = script.getAttribute('data-dealer') || '';
  var title = script.getAttribute('data-title') || 'Chat with us';
  var engine = new URL(script.src, document.baseURI);
  var socketUrl = (engine.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + engine.host +
      '/v1/channels/chat/socket?dealer=' + encodeURIComponent(dealer);
  var storageKey = 'omniroute.chat.' + engine.host + '.' + dealer;
  var state = load();
  var socket = null;
  var retryMillis = 1000;
  var stopped = false;

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      if (saved && typeof saved === 'object') { return saved; }
    } catch (ignored) { /* a fresh chat */ }
    return { token: null, lastSeq: 0, pending: [], transcript: [] };
  }

  function save() {
    try { window.sessionStorage.setItem(storageKey, JSON.stringify(state)); } catch (ignored) { /* private mode */ }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function element(tag, styles) {
    var node = document.createElement(tag);
    Object.keys(styles || {}).forEach(function (key) { node.style[key] = styles[key]; });
    return node;
  }

  var box = element('section', {
    position: 'fixed', right: '16px', bottom: '16px', width: '320px', maxHeight: '460px', display: 'flex',
    flexDirection: 'column', font: '14px/1.4 system-ui, sans-serif', background: '#fff', color: '#222',
    border: '1px solid #ccc', borderRadius: '8px', boxShadow: '0 4px 16px rgba(0,0,0,.15)', zIndex: '2147483000'
  });
  box.setAttribute('aria-label', title);
  var header = element('header', { padding: '8px 12px', background: '#1d3557', color: '#fff', borderRadius: '8px 8px 0 0' });
  header.textContent = title;
  var log = element('div', { flex: '1', overflowY: 'auto', padding: '8px 12px', minHeight: '160px' });
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  var status = element('div', { padding: '0 12px', fontSize: '12px', color: '#666' });
  var form = element('form', { display: 'flex', gap: '6px', padding: '8px' });
  var input = element('input', { flex: '1', padding: '6px' });
  input.type = 'text';
  input.maxLength = 4000;
  input.setAttribute('aria-label', 'Your message');
  var send = element('button', { padding: '6px 10px' });
  send.type = 'submit';
  send.textContent = 'Send';
  form.appendChild(input);
  form.appendChild(send);
  box.appendChild(header);
  box.appendChild(log);
  box.appendChild(status);
  box.appendChild(form);

  function show(from, text) {
    var line = element('p', { margin: '4px 0', textAlign: from === 'customer' ? 'right' : 'left' });
    var bubble = element('span', {
      display: 'inline-block', padding: '4px 8px', borderRadius: '6px', whiteSpace: 'pre-wrap',
      background: from === 'customer' ? '#e8f0fe' : (from === 'agent' ? '#f1f1f1' : 'transparent'),
      color: from === 'note' ? '#a00' : '#222'
    });
    bubble.textContent = text;
    line.appendChild(bubble);
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  }

  function remember(from, text) {
    state.transcript.push({ from: from, text: text });
    if (state.transcript.length > 200) { state.transcript.shift(); }
    save();
    show(from, text);
  }

  function transmit(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); }
  }

  function connect() {
    if (stopped) { return; }
    status.textContent = 'Connecting...';
    socket = new WebSocket(socketUrl);
    socket.onopen = function () {
      retryMillis = 1000;
      status.textContent = '';
      if (state.token) { transmit({ type: 'resume', token: state.token, lastSeq: state.lastSeq }); }
      state.pending.forEach(function (message) { transmit({ type: 'message', id: message.id, text: message.text }); });
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (ignored) { return; }
      if (frame.type === 'opened') {
        state.token = frame.token;
        save();
      } else if (frame.type === 'ack') {
        state.pending = state.pending.filter(function (message) { return message.id !== frame.id; });
        save();
      } else if (frame.type === 'message' && typeof frame.seq === 'number' && frame.seq > state.lastSeq) {
        state.lastSeq = frame.seq;
        remember('agent', String(frame.text));
      } else if (frame.type === 'error') {
        if (frame.id) { state.pending = state.pending.filter(function (message) { return message.id !== frame.id; }); save(); }
        show('note', String(frame.detail || frame.code));
      }
    };
    socket.onclose = function (event) {
      socket = null;
      if (event.code === 4403) {
        state.token = null;
        state.lastSeq = 0;
        save();
      } else if (event.code === 4404 || event.code === 1003) {
        stopped = true;
        status.textContent = 'Chat unavailable: ' + (event.reason || event.code);
        return;
      }
      status.textContent = 'Reconnecting...';
      window.setTimeout(connect, retryMillis);
      retryMillis = Math.min(retryMillis * 2, 30000);
    };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    var message = { id: newId(), text: text };
    if (new TextEncoder().encode(JSON.stringify({ type: 'message', id: message.id, text: text })).length > 16000) {
      show('note', 'This message is too long to send.');
      return;
    }
    input.value = '';
    state.pending.push(message);
    remember('customer', text);
    transmit({ type: 'message', id: message.id, text: message.text });
  });

  function mount() {
    document.body.appendChild(box);
    state.transcript.forEach(function (entry) { show(entry.from, entry.text); });
    connect();
  }

  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
