// Progressive enhancement only: every action of the console works without this file.
(() => {
  // A form posts once: a second tap on a slow connection would send it twice.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const button = event.submitter;
    // <button data-confirm="…">: ask before an action that cannot be undone.
    const question = button?.getAttribute('data-confirm') || form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute('data-sending')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sending', '');
    form.setAttribute('aria-busy', 'true');
  });
  // Back to a page kept in the back/forward cache: its forms can be sent again.
  window.addEventListener('pageshow', () => {
    for (const form of document.querySelectorAll('form[data-sending]')) {
      form.removeAttribute('data-sending');
      form.removeAttribute('aria-busy');
    }
  });
})();
