// Behaviour of the team's pages. No inline scripts: everything is wired from here.
"use strict";

// A picker's list opens when the person asks for it, and a single-value picker's list
// stays closed once an option is chosen. Tom Select (2.6.2) also opens the list from work
// it left pending: the filtering of what was typed runs 300 ms later (refreshThrottle), a
// remote search refreshes the list when it answers, and focus() finishes in a
// setTimeout(0); each calls refreshOptions(), whose open() also takes the focus back.
// Typing, choosing an option and clicking elsewhere within those 300 ms (as a fast user,
// or a browser test, does) used to reopen the list over the form below it, with the focus
// in it, after it had closed. So open() is refused while the focus is outside the picker,
// and, after a choice in a single-value picker, until the person asks again: by focusing
// the picker, pressing on it, typing in it or pressing the down arrow (Tom Select's key
// to open it). Enter, Tab and Escape do not ask: arrows, Enter and Tab still choose and
// go on. Listeners capture on the wrapper so that they run before Tom Select's own.
function openOnlyWhenAsked(picker) {
  const single = !picker.input.multiple;
  let chosen = false;
  const asked = () => {
    chosen = false;
  };
  picker.on("item_add", () => {
    if (single) chosen = true;
  });
  picker.control.addEventListener("mousedown", asked, true);
  picker.wrapper.addEventListener("focus", asked, true);
  picker.wrapper.addEventListener("input", asked, true);
  picker.wrapper.addEventListener(
    "keydown",
    (event) => {
      if (event.key === "ArrowDown") asked();
    },
    true,
  );
  const open = picker.open.bind(picker);
  picker.open = () => {
    if (chosen || !picker.wrapper.contains(document.activeElement)) return;
    open();
  };
}

// A picker in place of a select. Tom Select gives the select's label to its search box
// and keeps the select, out of sight, for the form: assistive technologies would still
// find the select, now without a name, so it is hidden from them too.
function makePicker(select, settings) {
  const picker = new TomSelect(select, settings);
  select.setAttribute("aria-hidden", "true");
  openOnlyWhenAsked(picker);
}

// Tom Select on selects marked for it, and remote search on entity and source pickers.
function enhanceSelects(root) {
  root.querySelectorAll("select[data-enhance='select']").forEach((select) => {
    if (select.tomselect || select.closest("template")) return;
    makePicker(select, {
      plugins: select.multiple ? ["remove_button"] : [],
      maxOptions: 500,
      closeAfterSelect: !select.multiple,
    });
  });
  root.querySelectorAll("select[data-search-url]").forEach((select) => {
    if (select.tomselect || select.closest("template")) return;
    makePicker(select, {
      closeAfterSelect: !select.multiple,
      valueField: "value",
      labelField: "text",
      searchField: ["text"],
      loadThrottle: 250,
      load(query, callback) {
        const url = `${select.dataset.searchUrl}?q=${encodeURIComponent(query)}`;
        fetch(url, { credentials: "same-origin" })
          .then((response) => response.json())
          .then((json) => callback(json.results))
          .catch(() => callback());
      },
    });
  });
}

// "Add a line" on a formset: copy the empty form, numbered, and count it.
function addFormsetRow(button) {
  const prefix = button.dataset.formsetAdd;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const template = document.getElementById(`${prefix}-empty-form`);
  const index = Number(total.value);
  const html = template.innerHTML.replaceAll("__prefix__", String(index));
  const container = document.getElementById(`${prefix}-rows`);
  container.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
  enhanceSelects(container.lastElementChild);
  return container.lastElementChild;
}

document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-formset-add]");
  if (add) {
    event.preventDefault();
    addFormsetRow(add);
  }
  const pick = event.target.closest("[data-pick-record]");
  if (pick) chooseRecord(pick.dataset);
});

document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("recordCreated", (event) => chooseRecord(event.detail));
  enhanceSelects(document);
  focusFirstError(document.querySelector("main"));
  const dialog = document.getElementById("record-dialog");
  if (dialog) watchDialog(dialog);
});

// A refused form puts the focus on what to correct: the first field in error, or the
// form's own error when no field is at fault.
function focusFirstError(root) {
  const target = root?.querySelector("[aria-invalid='true'], [data-form-errors]");
  if (!target) return false;
  focusField(target);
  return true;
}

function focusField(field) {
  if (field.tomselect) field.tomselect.focus();
  else field.focus();
}

// The dialog's form arrives from the server (htmx), when the dialog opens and when the
// server refuses it. A refused form replaces the one that had the focus: left to the page,
// the focus would escape the dialog (Tab) and its Escape key. So once the dialog is shown,
// each form that arrives takes the focus, on what to correct or on its first field.
function watchDialog(dialog) {
  const body = dialog.querySelector(".modal-body");
  const title = dialog.querySelector(".modal-title");
  let shown = false;
  const focusForm = () => {
    if (!shown || !body.querySelector("form") || body.contains(document.activeElement)) return;
    const first = body.querySelector("form input:not([type=hidden]), form select, form textarea");
    if (!focusFirstError(body)) focusField(first);
  };
  dialog.addEventListener("show.bs.modal", (event) => {
    title.textContent = event.relatedTarget?.textContent.trim() || title.textContent;
  });
  dialog.addEventListener("shown.bs.modal", () => {
    shown = true;
    focusForm();
  });
  // A closed dialog keeps nothing: the next one starts from an empty form of its own.
  dialog.addEventListener("hidden.bs.modal", () => {
    shown = false;
    body.replaceChildren();
  });
  // A form that replaced another (outerHTML) is announced from where the old one was.
  document.addEventListener("htmx:afterSettle", focusForm);
}

// A record created in the dialog, or an existing one picked there instead, becomes an
// option of every picker of its kind and is chosen in an empty line of the incident's form,
// in a line added if there is none, so the user sees where it went.
function chooseRecord({ kind, value, text }) {
  const pickers = document.querySelectorAll(`select[data-record-kind='${kind}']`);
  pickers.forEach((select) => select.tomselect?.addOption({ value, text }));
  const inForm = [...pickers].filter((select) => !select.closest("template, .modal"));
  let target = inForm.find((select) => !select.value);
  if (!target) {
    // A new line of the lines that create records of its kind (cases/lines.py).
    const row = addFormsetRow(document.querySelector(`[data-creates='${kind}'] [data-formset-add]`));
    target = row.querySelector(`select[data-record-kind='${kind}']`);
    target.tomselect?.addOption({ value, text });
  }
  target.tomselect?.setValue(String(value));
  const dialog = document.getElementById("record-dialog");
  if (dialog) bootstrap.Modal.getOrCreateInstance(dialog).hide();
}

document.addEventListener("htmx:afterSwap", (event) => enhanceSelects(event.target));

// A list's filter leaves the fields left blank out of the address, whether the form is
// sent by htmx or by the browser.
document.addEventListener("htmx:configRequest", (event) => {
  if (!event.detail.elt.matches("form[data-drop-empty]")) return;
  const data = event.detail.formData;
  for (const name of new Set(data.keys())) {
    const kept = data.getAll(name).filter((value) => value !== "");
    data.delete(name);
    kept.forEach((value) => data.append(name, value));
  }
});
document.addEventListener("submit", (event) => {
  if (event.defaultPrevented || !event.target.matches("form[data-drop-empty]")) return;
  for (const field of event.target.elements) {
    if (field.name && field.value === "") field.setAttribute("disabled", "");
  }
});
// Back to a list from the browser's cache: the fields disabled for its address come back.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-drop-empty] [disabled]").forEach((field) => {
    field.removeAttribute("disabled");
  });
});
