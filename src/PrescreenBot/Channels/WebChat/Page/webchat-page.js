// Starts Web Chat on the PrescreenBot page: a token from our own server (never a secret in the browser), Direct Line
// at this origin, the page's locale, and, for /?trial=<id>, a prescreen/start event as soon as the connection is up.
(function () {
  'use strict';

  var root = document.documentElement;
  var locale = root.getAttribute('data-locale') || 'en-US';
  var statusElement = document.getElementById('chat-status');
  var chatElement = document.getElementById('webchat');

  // Trial ids are registry ids (e.g. NCT01234567): anything else in the query is ignored, never sent.
  var trialPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
  var requestedTrial = new URLSearchParams(window.location.search).get('trial');
  var trial = requestedTrial && trialPattern.test(requestedTrial) ? requestedTrial : null;

  function showError() {
    statusElement.textContent = root.getAttribute('data-error');
    statusElement.className = 'chat-status error';
  }

  function createStore() {
    var started = false;
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && trial && !started) {
            started = true;
            store.dispatch({
              type: 'WEB_CHAT/SEND_EVENT',
              payload: { name: 'prescreen/start', value: { trial: trial, locale: locale } }
            });
          }

          return next(action);
        };
      };
    });
  }

  function start(session) {
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: window.location.origin + '/v3/directline',
      conversationStartProperties: { locale: locale }
    });

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: createStore(),
        locale: locale,
        styleOptions: {
          accent: '#005a9e',
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          bubbleFromUserBackground: '#e3effa',
          botAvatarInitials: 'PB',
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
        }
      },
      chatElement
    );

    statusElement.textContent = '';
  }

  if (!window.WebChat) {
    showError();
    return;
  }

  fetch('/api/webchat/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
    cache: 'no-store'
  })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('Token request failed with ' + response.status);
      }

      return response.json();
    })
    .then(start)
    .catch(showError);
})();
