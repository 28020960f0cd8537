// Progressive enhancement: GOV.UK Frontend's components, and live checks when a field is
// left. Without JavaScript every page still works: the checks run when the form is sent.
import { initAll } from "./govuk-frontend-5.14.0/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// A link to one box (after "Add another", the new box; an error's link from another page)
// brings the page back at it: the focus goes into it too, so the officer can type at once
// and a screen reader says which box it is (the page only scrolled there).
// Not on a page with an error summary: GOV.UK's moves the focus to itself, to be read first.
// A button is landed on too ("Remove this answer", an answer docgen does not use, which the
// error summary links to): GOV.UK's summary focuses only a box with a label or legend, and
// the browser only scrolls to a link's target, so the focus stayed on the page's body.
function hashTarget() {
  if (!location.hash) return null;
  let id = location.hash.slice(1);
  try { id = decodeURIComponent(id); } catch (e) { /* a malformed link (#%E0%A4%A): as written */ }
  return document.getElementById(id);
}

// A link to a box inside a closed conditional reveal ("Give the name and address of the
// person appointed" → the name box under "Yes, a named person", while "No" is chosen):
// the radio that reveals it is chosen and the reveal opened, as GOV.UK's radios do on a
// click, so the link lands on a box the officer can see. No change event is sent: nothing
// is saved until the officer sends the page. Without JavaScript every reveal is open.
function reveal(element) {
  let hidden = element && element.closest(".govuk-radios__conditional--hidden");
  while (hidden) {
    const radio = document.querySelector(
      `input[type=radio][aria-controls="${CSS.escape(hidden.id)}"]`);
    if (!radio) return;
    radio.checked = true;
    const group = document.querySelectorAll(
      `input[type=radio][name="${CSS.escape(radio.name)}"][aria-controls]`);
    for (const other of group) {
      const shows = document.getElementById(other.getAttribute("aria-controls"));
      other.setAttribute("aria-expanded", String(other.checked));
      if (shows) shows.classList.toggle("govuk-radios__conditional--hidden", !other.checked);
    }
    hidden = hidden.parentElement && hidden.parentElement.closest(
      ".govuk-radios__conditional--hidden");
  }
}

function landOn(focus) {
  const found = hashTarget();
  reveal(found);
  if (focus && found && found.matches("input, select, textarea, button")) found.focus();
}
landOn(!document.querySelector(".govuk-error-summary"));
window.addEventListener("hashchange", () => landOn(true));

const form = document.getElementById("step-form");
const changed = new Set(); // only fields the person has changed get a live message
let timer = null;

// While a live check is waiting or on its way, the form says so (data-checking), so a page
// that is read or clicked after a field is left (a test, an assistive tool) can wait for
// the panel the last answers give, not one a later check will replace.
function schedule() {
  clearTimeout(timer);
  form.dataset.checking = "true";
  timer = setTimeout(run, 120);
}

// Each check is numbered: only the latest one's answer is shown (an earlier one answering
// late would put back the panel of older answers), and only it clears data-checking.
let latest = 0;

async function run() {
  timer = null;
  const mine = ++latest;
  try { await check(mine); } finally {
    if (mine === latest && timer === null) delete form.dataset.checking;
  }
}

function showErrors(fields) {
  for (const [id, messages] of Object.entries(fields)) {
    if (messages === null) continue; // not changed yet: keep what the page shows
    const line = document.getElementById(id + "-error");
    const group = document.getElementById(id + "-group");
    if (!line || !group) continue;
    line.hidden = messages.length === 0;
    line.textContent = messages.length ? "Error: " + messages.join(" ") : "";
    group.classList.toggle("govuk-form-group--error", messages.length > 0);
  }
}

async function check(mine) {
  const body = new FormData(form);
  for (const name of changed) body.append("changed", name);
  const response = await fetch(form.dataset.live, {
    method: "POST", body, credentials: "same-origin",
  });
  if (!response.ok) return;
  const result = await response.json();
  if (mine !== latest) return; // a later check is on its way: its answer is the one to show
  showErrors(result.fields);
  const live = document.getElementById("live");
  if (live) { live.innerHTML = result.panel; initAll({ scope: live }); }
}

// A link away from a page with changed answers (Back, Sections, a change link) sends the
// form first, so the answers are saved as "Save and return to the task list" saves them;
// the live checks above never save anything.
function saveAndGo(event) {
  const link = event.target.closest("a[href]");
  if (!link || !changed.size || event.defaultPrevented || event.button !== 0
      || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const here = new URL(form.action, location.href);
  const to = new URL(link.href, location.href);
  const draft = here.pathname.split("/").slice(0, 3).join("/") + "/";
  if (to.origin !== here.origin || !to.pathname.startsWith(draft)
      || (to.pathname === location.pathname && to.hash)) return;
  event.preventDefault();
  for (const [name, value] of [["action", "goto"], ["to", to.pathname + to.search + to.hash]]) {
    const input = document.createElement("input");
    input.type = "hidden"; input.name = name; input.value = value;
    form.appendChild(input);
  }
  form.submit();
}

// The side column (the money, the warnings and their reasons) is in the form, after the
// questions, so the keyboard meets it before Continue; it is not an answer: typing a reason
// there and leaving the box checks nothing (a check would redraw the panel, and the focus
// with it).
const answered = (event) => !event.target.closest(".docgen-side");

if (form && form.dataset.live) {
  document.addEventListener("click", saveAndGo);
  form.addEventListener("input", (event) => {
    if (event.target.name && answered(event)) changed.add(event.target.name);
  });
  form.addEventListener("focusout", (event) => {
    if (!event.target.matches("input, textarea, select") || !answered(event)) return;
    schedule();
  });
  form.addEventListener("change", (event) => {
    if (!answered(event)) return;
    if (event.target.name) changed.add(event.target.name);
    if (event.target.matches("input[type=radio], input[type=checkbox], select")) schedule();
  });
}
