// The applicant's pages. A static file: the content security policy forbids inline scripts.
//
// Autosave while typing. The generated form's text inputs send their value on "change", which the browser
// fires only when the field is left. In a form marked data-autosave, a pause in typing sends it too, as does
// hiding the page (another tab, closing it), so the server saves the draft as it is typed. Blazor keeps what
// is typed after the pause: the inputs are bound with @bind:get/@bind:set, so the event tells the renderer what the
// browser holds and the re-render does not write it back over the keys typed since.
(() => {
  const pause = 600;
  let pending = null;
  let timer = 0;

  const typed = (target) =>
    (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'file'].includes(target.type)))
    && target.closest('[data-autosave]') !== null;

  const send = () => {
    clearTimeout(timer);
    const target = pending;
    pending = null;
    if (target && target.isConnected) {
      target.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };

  // A field with a length limit keeps only that many characters, however much is typed or pasted: say so.
  const noticeLimit = (target) => {
    const host = target.closest('[data-autosave]');
    const notice = host && host.querySelector('[data-autosave-notice]');
    if (!notice) {
      return;
    }
    const full = target.maxLength > 0 && target.value.length >= target.maxLength;
    const text = full ? (host.dataset.tooLong || '').replaceAll('{0}', target.maxLength.toLocaleString(document.documentElement.lang, { numberingSystem: 'latn' })) : '';
    if (notice.textContent !== text) {
      notice.textContent = text;
    }
  };

  document.addEventListener('input', (event) => {
    if (!typed(event.target)) {
      return;
    }
    noticeLimit(event.target);
    if (pending && pending !== event.target) {
      send();
    }
    pending = event.target;
    clearTimeout(timer);
    timer = setTimeout(send, pause);
  });

  // Leaving the field sends its value anyway: nothing more to send for it.
  document.addEventListener('change', (event) => {
    if (event.isTrusted && event.target === pending) {
      clearTimeout(timer);
      pending = null;
    }
  }, true);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      send();
    }
  });
  window.addEventListener('pagehide', send);

  // The receipt's "print" button.
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
      window.print();
    }
  });
})();
