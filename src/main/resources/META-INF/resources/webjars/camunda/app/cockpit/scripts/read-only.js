/*
 * Cockpit shows every user the buttons that change a running congress (cancel, suspend, retry, add, edit or delete
 * a variable); the engine refuses them with 403 to everyone but the administrators. For a reader (a manager, a
 * district group) this marks the page read-only, and styles/user-styles.css hides those buttons. It also puts
 * Cockpit's few untranslated words into Vietnamese.
 */
const AUTH = '/camunda/api/admin/auth/user/default';
const WORDS = {'Actions': 'Thao tác', 'zoom in': 'phóng to', 'zoom out': 'thu nhỏ', 'reset zoom': 'về cỡ ban đầu'};

/** Marks the page read-only when its user may not change what Cockpit shows (has no access to the admin app). */
function markReadOnly() {
  fetch(AUTH, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : null))
    .then((user) => {
      const reader = !!user && !(user.authorizedApps || []).includes('admin');
      document.body.classList.toggle('cf-read-only', reader);
    })
    .catch(() => document.body.classList.remove('cf-read-only'));
}

function translate() {
  document.querySelectorAll('th, td.actions, [title]').forEach((element) => {
    if (element.children.length === 0 && WORDS[element.textContent.trim()]) {
      element.textContent = WORDS[element.textContent.trim()];
    }
    const title = element.getAttribute('title');
    if (title && WORDS[title]) {
      element.setAttribute('title', WORDS[title]);
    }
  });
}

markReadOnly();
// after a login or a logout the page changes its route: whose page it is may have changed
window.addEventListener('hashchange', markReadOnly);
new MutationObserver(translate).observe(document.body, {childList: true, subtree: true});
