// What a person is writing in a long text (a message, a decision's reason) outlives a lost connection. A static file:
// the content security policy forbids inline scripts.
//
// The circuit holds what is typed until it is sent; when the connection is lost for good (a restarted server, a long
// cut), the page must be reloaded and the circuit's copy is gone. So every textarea[data-keep] is copied, as it is
// typed, into the tab's sessionStorage under its key, and when such a textarea is shown empty by the live page (after
// a reload, or when the panel holding it opens again) what was kept is put back and the circuit is told (input and
// change events, as if typed). The page forgets a text once it is sent (keep.forget(key), called by the component).
//
// The key names the purpose, the application and the person (a hash of their id: two people using the same tab one
// after the other never see each other's words); sessionStorage is the tab's alone and is gone when the tab closes,
// and signing out forgets everything kept.
(() => {
  const prefix = 'ep-keep:';

  const storage = () => {
    try {
      return window.sessionStorage;
    } catch {
      return null; // storage refused by the browser's settings: nothing is kept, nothing breaks
    }
  };

  const live = (element) => {
    const main = element.closest('main[data-live]');
    return !main || main.dataset.live === 'true';
  };

  const restored = new WeakSet();

  const restore = () => {
    const store = storage();
    if (!store) {
      return;
    }
    for (const area of document.querySelectorAll('textarea[data-keep]')) {
      if (restored.has(area) || !live(area)) {
        continue;
      }
      restored.add(area);
      const kept = store.getItem(prefix + area.dataset.keep);
      if (kept && area.value === '') {
        area.value = kept;
        area.dispatchEvent(new Event('input', { bubbles: true }));
        area.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  };

  document.addEventListener('input', (event) => {
    const area = event.target;
    const store = storage();
    if (store && area instanceof HTMLTextAreaElement && area.dataset.keep && live(area)) {
      if (area.value.trim() === '') {
        store.removeItem(prefix + area.dataset.keep);
      } else {
        store.setItem(prefix + area.dataset.keep, area.value);
      }
    }
  }, true);

  document.addEventListener('submit', (event) => {
    const store = storage();
    if (store && event.target instanceof HTMLFormElement && event.target.matches('[data-sign-out]')) {
      for (const key of Object.keys(store).filter((k) => k.startsWith(prefix))) {
        store.removeItem(key);
      }
    }
  }, true);

  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        restore();
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-live'] });

  window.keep = {
    forget: (key) => storage()?.removeItem(prefix + key),
  };

  restore();
})();
