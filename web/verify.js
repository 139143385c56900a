// The verification page's file check: the chosen PDF is sent to the API, which compares it with the stored original
// and checks its signature; the page says the verdict. The page itself works without this script.
const form = document.getElementById('check-form');
if (form) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = document.getElementById('file-verdict');
    const file = document.getElementById('file').files[0];
    if (!file) return;
    out.textContent = '…';
    try {
      const res = await fetch('/verify/' + encodeURIComponent(form.dataset.id), { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: file });
      const v = await res.json();
      const m = v.message || (v.problem && v.problem.message) || v;
      out.textContent = (m.vi || '') + (m.en ? ' / ' + m.en : '');
      out.dataset.genuine = String(Boolean(v.genuine));
      out.className = v.genuine ? 'verdict good' : 'verdict bad';
    } catch (e) {
      out.textContent = 'Không kiểm tra được / Could not check: ' + e.message;
    }
  });
}
