// The moment an interactive page's circuit takes over the prerendered page. A static file: the content security
// policy forbids inline scripts. Loaded on every page, before blazor.web.js, so it runs as soon as the page is shown.
//
// The portal prerenders its interactive pages (a fast first paint), then the circuit starts and renders the page
// again, replacing the prerendered elements (the layout's <main data-live> goes from "false" to "true"). On a slow
// connection that takes seconds, and what a person does meanwhile would go with the old elements. So, while
// main[data-live=false]:
// - what is typed, chosen or ticked in an input, select or textarea with an id is kept; once the live page shows
//   the element with that id, it is put back and the circuit is told (input and change events, as if typed), so the
//   page reacts and saves it like any change. Unless the live element no longer holds what the prerendered one held:
//   the server changed it meanwhile (another tab saved), and the server's value stays;
// - the focus and the caret go back to the field that had them, with what was typed while the field was away;
// - a file chosen (or dropped) in a file chooser with an id is kept, the File objects themselves; once the live page
//   shows the chooser with that id and Blazor has set it up (its InputFile listens), the files are handed to it
//   through a DataTransfer and a change event, so Blazor's own streaming upload takes them with all its checks, as
//   if chosen there. Never to another page, nor to a chooser the live page disabled. The same holds for a live
//   chooser chosen in before Blazor has set it up (the moment after the takeover);
// - buttons that only the circuit can handle (and file choosers without an id) look and say they are not ready
//   (data-waiting, aria-disabled), and a click on one, or the submission of a form only the circuit handles (Enter in
//   a field), is stopped and the layout's notice says the page is getting ready. Links, and forms that work without the circuit
//   (method="get"), go on as usual; so does anything inside [data-static]. (Blazor gives its own forms an action, the
//   page itself, so only an explicit GET says a form works alone.) A link loads its page whole, though, rather than
//   through Blazor's enhanced navigation, which a circuit starting meanwhile would undo (the old page under the new
//   address).
(() => {
  // How long the live page may take to show again an element something was typed into (it may load its data first).
  const patience = 15000;
  // Element id -> { value, original, path }, in the order of the last change.
  const kept = new Map();
  // File chooser id -> { files, path }: the files chosen, until the live chooser takes them.
  const chosenFiles = new Map();
  let handing = 0;
  // The prerendered field that had the focus, while its live successor is awaited.
  let focused = null;
  // The live field given the focus back, for a moment in which the page's own focus moves (to the heading, as after a
  // navigation) must not take it away.
  let reclaim = null;
  let liveSince = 0;

  const prerendered = (element) => element.closest('main[data-live="false"]') !== null;

  const isToggle = (element) => element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');

  const isField = (element) =>
    (element instanceof HTMLInputElement && !['file', 'password', 'hidden', 'submit', 'button', 'image', 'reset'].includes(element.type))
    || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;

  // Where a page puts the focus by itself (the body, a heading with tabindex=-1), not where a person works.
  const idle = (element) => !element || element === document.body
    || !element.matches('input, select, textarea, button, a[href], [contenteditable]');

  const isText = (element) =>
    element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && ['text', 'search', 'email', 'tel', 'url'].includes(element.type));

  const radios = (radio) => radio.form
    ? [...radio.form.elements].filter((other) => other instanceof HTMLInputElement && other.type === 'radio' && other.name === radio.name)
    : [radio];

  // What the element holds now; a radio stands for its group (the value chosen, '' for none).
  const current = (element) => {
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      return radios(element).find((radio) => radio.checked)?.value ?? '';
    }
    return isToggle(element) ? element.checked : element.value;
  };

  // What the server rendered into the element (its attributes), whatever was typed since.
  const original = (element) => {
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      return radios(element).find((radio) => radio.defaultChecked)?.value ?? '';
    }
    if (isToggle(element)) {
      return element.defaultChecked;
    }
    if (element instanceof HTMLSelectElement) {
      const options = [...element.options];
      return (options.findLast((option) => option.defaultSelected) ?? options[0])?.value ?? '';
    }
    return element.defaultValue;
  };

  const keep = (element) => {
    if (!isField(element) || !element.id || !prerendered(element)) {
      return;
    }
    if (element.type === 'radio') {
      for (const radio of radios(element)) {
        kept.delete(radio.id);
      }
    }
    kept.delete(element.id);
    kept.set(element.id, { value: current(element), original: original(element), path: location.pathname });
  };

  const isChooser = (element) => element instanceof HTMLInputElement && element.type === 'file';

  // Blazor's InputFile listens for change only once its script has set the element up (in the component's first
  // after-render), marking it with _blazorInputFileNextFileId: a change before that would carry no file to the circuit.
  const settled = (element) => '_blazorInputFileNextFileId' in element;

  // Files chosen in a prerendered chooser, or in a live one Blazor has not set up yet, wait for a live, set-up one.
  const keepFiles = (element) => {
    if (!isChooser(element) || !element.id || (!prerendered(element) && settled(element))) {
      return;
    }
    if (element.files && element.files.length > 0) {
      chosenFiles.set(element.id, { files: [...element.files], path: location.pathname, since: Date.now() });
      if (!prerendered(element) && handing === 0) {
        handing = setTimeout(handFiles, 100);
      }
    } else {
      chosenFiles.delete(element.id);
    }
  };

  // Gives the kept files to the live choosers that are set up; the others are tried again shortly, for a while.
  const handFiles = () => {
    handing = 0;
    for (const [id, entry] of chosenFiles) {
      const element = document.getElementById(id);
      if (Date.now() - Math.max(entry.since, liveSince) > patience) {
        chosenFiles.delete(id);
        continue;
      }
      if (!element || prerendered(element) || !settled(element)) {
        continue;
      }
      chosenFiles.delete(id);
      if (entry.path !== location.pathname || !isChooser(element) || element.disabled) {
        continue;
      }
      const transfer = new DataTransfer();
      for (const file of element.multiple ? entry.files : entry.files.slice(0, 1)) {
        transfer.items.add(file);
      }
      element.files = transfer.files;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }
    if (chosenFiles.size > 0 && document.querySelector('main[data-live="true"]')) {
      handing = setTimeout(handFiles, 100);
    }
  };

  const put = (element, value) => {
    if (element.type === 'radio') {
      const chosen = radios(element).find((radio) => radio.value === value);
      if (!chosen) {
        return;
      }
      chosen.checked = true;
      element = chosen;
    } else if (isToggle(element)) {
      element.checked = value;
    } else {
      element.value = value;
    }
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  };

  // Puts back what was kept into the live elements shown so far; the others wait for a later render.
  const restore = () => {
    for (const [id, entry] of kept) {
      const element = document.getElementById(id);
      if (!element || prerendered(element)) {
        continue;
      }
      kept.delete(id);
      if (entry.path !== location.pathname || !isField(element) || element.disabled || element.readOnly) {
        continue;
      }
      const now = current(element);
      if (now === entry.original && now !== entry.value) {
        put(element, entry.value);
      }
    }
    if (focused && !focused.isConnected) {
      const element = document.getElementById(focused.id);
      if (element && !prerendered(element)) {
        const from = focused;
        focused = null;
        if (idle(document.activeElement)) {
          element.focus();
          if (isText(element) && isText(from) && element.value === from.value) {
            element.setSelectionRange(from.selectionStart, from.selectionEnd, from.selectionDirection ?? 'none');
          }
          reclaim = { element, until: Date.now() + 3000 };
        }
      }
    }
    if (Date.now() - liveSince > patience) {
      kept.clear();
      focused = null;
    }
  };

  // A control that does nothing without the circuit: a button (but a form's submit when the form works without it)
  // or a file chooser without an id (its files could not find the live chooser to go to).
  const worksWithoutCircuit = (form) => form !== null
    && ((form.getAttribute('method') ?? '').toLowerCase() === 'get' || form.closest('[data-static]') !== null);

  const needsCircuit = (control) => {
    if (control.closest('[data-static]')) {
      return false;
    }
    if (isChooser(control)) {
      return !control.id;
    }
    return !((control.type === 'submit' || control.type === 'image') && worksWithoutCircuit(control.form));
  };

  const markWaiting = () => {
    for (const main of document.querySelectorAll('main[data-live="false"]')) {
      for (const control of main.querySelectorAll('button:not([data-waiting]), input[type=file]:not([data-waiting]), input[type=submit]:not([data-waiting]), input[type=image]:not([data-waiting])')) {
        if (needsCircuit(control)) {
          control.setAttribute('data-waiting', '');
          control.setAttribute('aria-disabled', 'true');
        }
      }
    }
  };

  // Should the circuit keep an element of the prerendered page rather than render it again, it must not stay waiting.
  const unmarkLive = () => {
    for (const control of document.querySelectorAll('main[data-live="true"] [data-waiting]')) {
      control.removeAttribute('data-waiting');
      control.removeAttribute('aria-disabled');
    }
  };

  const tellNotReady = () => {
    const notice = document.querySelector('main[data-live="false"] [data-takeover-notice]');
    if (notice) {
      // Emptied first so that the same sentence is announced again at a second click.
      notice.textContent = '';
      notice.setAttribute('role', 'status');
      notice.hidden = false;
      setTimeout(() => { notice.textContent = notice.dataset.text ?? ''; }, 50);
    }
  };

  const stop = (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    tellNotReady();
  };

  document.addEventListener('click', (event) => {
    const control = event.target instanceof Element ? event.target.closest('[data-waiting]') : null;
    if (control && prerendered(control)) {
      stop(event);
    }
  }, true);

  // A link followed before the circuit has taken the page over loads the next page whole. Blazor would follow it by
  // fetching the next page and patching this one (enhanced navigation); a circuit starting meanwhile renders the page
  // it was started for, so the address would say the next page and the page show this one.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey
      || !document.querySelector('main[data-live="false"]') || link.closest('[data-static]')
      || (link.target && link.target !== '_self') || link.hasAttribute('download')) {
      return;
    }
    const url = new URL(link.href, document.baseURI);
    const here = new URL(location.href);
    if (url.origin !== here.origin || (url.hash && url.pathname === here.pathname && url.search === here.search)) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    location.assign(url.href);
  }, true);

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && prerendered(form) && !worksWithoutCircuit(form)) {
      stop(event);
    }
  }, true);

  document.addEventListener('input', (event) => keep(event.target), true);
  document.addEventListener('change', (event) => {
    keep(event.target);
    keepFiles(event.target);
  }, true);

  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element && event.target.id && isField(event.target) && prerendered(event.target)) {
      focused = event.target;
    } else if (reclaim && event.target !== reclaim.element && idle(event.target) && reclaim.element.isConnected && Date.now() < reclaim.until) {
      const { selectionStart, selectionEnd } = reclaim.element;
      reclaim.element.focus();
      if (isText(reclaim.element)) {
        reclaim.element.setSelectionRange(selectionStart, selectionEnd);
      }
    }
  });

  // The person moved on themselves: their choice stands.
  document.addEventListener('pointerdown', () => { reclaim = null; }, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' || event.key === 'Escape') {
      reclaim = null;
    }
  }, true);

  // Left for another place on the page, not taken away with the prerendered page: nothing to give the focus back to.
  document.addEventListener('focusout', (event) => {
    const field = event.target;
    queueMicrotask(() => {
      if (field === focused && field.isConnected && document.activeElement !== field) {
        focused = null;
      }
    });
  });

  // Typed while the field was away (the circuit removed the prerendered one, its live one is not shown yet): the
  // keys reach the page's body, so they go to the field they were meant for and come back with it.
  document.addEventListener('keydown', (event) => {
    if (!focused || focused.isConnected || !isText(focused) || liveSince === 0 || Date.now() - liveSince > patience
      || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey
      || !idle(document.activeElement)) {
      return;
    }
    event.preventDefault();
    focused.setRangeText(event.key, focused.selectionStart ?? focused.value.length, focused.selectionEnd ?? focused.value.length, 'end');
    const entry = kept.get(focused.id);
    kept.delete(focused.id);
    kept.set(focused.id, { value: focused.value, original: entry?.original ?? original(focused), path: location.pathname });
  });

  const watch = () => {
    if (document.querySelector('main[data-live="false"]')) {
      markWaiting();
      liveSince = 0;
      if (focused && !focused.isConnected) {
        // Another prerendered page took this one's place (a link followed before the circuit started).
        focused = null;
      }
      return;
    }
    if (document.querySelector('main[data-live="true"]')) {
      if (liveSince === 0) {
        liveSince = Date.now();
        unmarkLive();
      }
      if (kept.size > 0 || focused) {
        restore();
      }
      if (chosenFiles.size > 0 && handing === 0) {
        handFiles();
      }
    }
  };

  new MutationObserver(watch).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live'] });

  // What was typed before this script ran (it is loaded at the end of the page).
  for (const field of document.querySelectorAll('main[data-live="false"] :is(input, select, textarea)[id]')) {
    if (isField(field) && current(field) !== original(field)) {
      keep(field);
    }
    keepFiles(field);
  }
  watch();
})();
