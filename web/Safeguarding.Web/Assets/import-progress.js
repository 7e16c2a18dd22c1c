// Progressive enhancement of an import's progress page: without script the person reloads it ("Check progress");
// with it, the bar follows the upload and the page reloads itself into the report once the service has answered.
export function followImport(root) {
  const bar = root.querySelector('progress');
  const text = root.querySelector('[data-sg-import-percent]');
  const poll = async () => {
    try {
      const answer = await fetch(root.dataset.sgImportStatus, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (answer.ok) {
        const status = await answer.json();
        if (status.finished) {
          window.location.reload();
          return;
        }

        bar.value = status.percent;
        bar.textContent = status.percent + '%';
        text.textContent = status.percent === 100
          ? '100% of the file sent: the platform is finishing the import.'
          : status.percent + '% of the file sent.';
      }
    } catch {
      // A missed poll changes nothing: the next one, or the button, catches up.
    }

    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
}
