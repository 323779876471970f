// Behaviour of the team's pages. No inline scripts: everything is wired from here.
"use strict";

// Tom Select on selects marked for it, and remote search on entity and source pickers.
function enhanceSelects(root) {
  root.querySelectorAll("select[data-enhance='select']").forEach((select) => {
    if (select.tomselect || select.closest("template")) return;
    new TomSelect(select, { plugins: select.multiple ? ["remove_button"] : [], maxOptions: 500 });
  });
  root.querySelectorAll("select[data-search-url]").forEach((select) => {
    if (select.tomselect || select.closest("template")) return;
    new TomSelect(select, {
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

// Where a record created in the dialog goes: the lines that pick records of its kind.
const LINES_OF_KIND = { entity: "involvements", source: "citations", location: "locations" };

document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-formset-add]");
  if (add) {
    event.preventDefault();
    addFormsetRow(add);
  }
});

document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("recordCreated", onRecordCreated);
  enhanceSelects(document);
});

// The new record becomes an option of every picker of its kind and is chosen in an empty
// line of its kind, added if there is none, so the user sees where it went.
function onRecordCreated(event) {
  const { kind, value, text } = event.detail;
  const pickers = document.querySelectorAll(`select[data-record-kind='${kind}']`);
  pickers.forEach((select) => select.tomselect?.addOption({ value, text }));
  let target = [...pickers].find((select) => !select.closest("template") && !select.value);
  if (!target) {
    const row = addFormsetRow(document.querySelector(`[data-formset-add='${LINES_OF_KIND[kind]}']`));
    target = row.querySelector(`select[data-record-kind='${kind}']`);
    target.tomselect?.addOption({ value, text });
  }
  target.tomselect?.setValue(String(value));
  const dialog = document.getElementById("record-dialog");
  if (dialog) bootstrap.Modal.getOrCreateInstance(dialog).hide();
}

document.addEventListener("htmx:afterSwap", (event) => enhanceSelects(event.target));
