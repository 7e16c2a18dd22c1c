// Progressive enhancement only: every page works without this script.
import { initAll } from '/static/govuk/govuk-frontend.min.js';
import { followImport } from '/static/site/import-progress.js';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
}
initAll();

const importStatus = document.querySelector('[data-sg-import-status]');
if (importStatus) {
  followImport(importStatus);
}
