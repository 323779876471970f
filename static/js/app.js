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

// The picker whose "new" button opened the dialog, to receive the created record.
let pickerAwaitingRecord = null;

document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-formset-add]");
  if (add) {
    event.preventDefault();
    addFormsetRow(add);
  }
  const create = event.target.closest("[data-create-for]");
  if (create) {
    pickerAwaitingRecord = create.closest(".formset-row")?.querySelector("select[data-search-url]");
  }
});

// A record created in the dialog becomes an option of every picker of its kind, and the
// chosen value of the picker that asked for it.
document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("recordCreated", onRecordCreated);
  enhanceSelects(document);
});

function onRecordCreated(event) {
  const { kind, value, text } = event.detail;
  document.querySelectorAll(`select[data-search-url*='/${kind === "entity" ? "entities" : "sources"}/']`).forEach((select) => {
    if (select.tomselect) select.tomselect.addOption({ value, text });
  });
  if (pickerAwaitingRecord?.tomselect) pickerAwaitingRecord.tomselect.setValue(String(value));
  const dialog = document.getElementById("record-dialog");
  if (dialog) bootstrap.Modal.getOrCreateInstance(dialog).hide();
}

document.addEventListener("htmx:afterSwap", (event) => enhanceSelects(event.target));
