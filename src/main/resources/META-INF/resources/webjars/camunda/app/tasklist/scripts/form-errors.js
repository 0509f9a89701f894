/*
 * Tasklist 7.24 disables "Hoàn thành" while form-js's 'changed' event carries any key in its errors, and form-js
 * 1.8.7 keeps a key for every field of a repeating row (a dynamic list: works, members, nominees) once the field
 * was checked: a list with one entry per row, null for a row without error. So a form with rows could never be completed after its first edit. This
 * drops those empty entries before Tasklist's own listener reads them; real errors stay, and the server checks
 * every row again on completion.
 */

/** The form-js instance rendered into a container: its context provider carries getService (preact's tree). */
function formOf(container) {
  const stack = [container.__k];
  while (stack.length) {
    const node = stack.pop();
    if (!node) {
      continue;
    }
    const value = node.props && node.props.value;
    if (value && typeof value.getService === 'function') {
      return value.getService('form', false);
    }
    (node.__k || []).forEach((child) => stack.push(child));
  }
  return null;
}

function dropEmptyErrors(event) {
  Object.keys(event.errors || {}).forEach((field) => {
    const errors = event.errors[field];
    if (Array.isArray(errors) && errors.every((row) => row == null || (Array.isArray(row) && row.length === 0))) {
      delete event.errors[field];
    }
  });
}

const watched = new WeakSet();
new MutationObserver(() => document.querySelectorAll('.fjs-container').forEach((container) => {
  if (watched.has(container) || !container.__k) {
    return;
  }
  const form = formOf(container);
  if (form && typeof form.on === 'function') {
    watched.add(container);
    form.on('changed', 1500, dropEmptyErrors); // before Tasklist's listener (default priority 1000)
  }
})).observe(document.body, {childList: true, subtree: true});
