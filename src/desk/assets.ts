/** The desk's style sheet: plain, readable on a phone at the door. */
export const deskCss = `body{font-family:system-ui,Arial,sans-serif;margin:0;color:#1d1d1d;background:#fafafa}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding:.6rem 1rem;background:#0b5c72;align-items:center}
nav a{color:#fff;text-decoration:none;font-weight:600}nav .logout{margin-left:auto}
main{padding:1rem;max-width:72rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem;background:#fff}
th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}th{background:#eef}
.num{text-align:right}.full{color:#a00;font-weight:700}.ok{color:#060;font-weight:700}.no{color:#a00;font-weight:700}
.notice{padding:.6rem 1rem;border-left:4px solid #0b5c72;background:#eef6f8;margin:1rem 0}
.refused{padding:1rem;border-left:6px solid #a00;background:#fdecec;font-size:1.3rem}
.admitted{padding:1rem;border-left:6px solid #060;background:#e9f7e9;font-size:1.3rem}
input,select,textarea,button{font-size:1rem;padding:.35rem}label{display:block;margin:.5rem 0}
.checkin input[name=code]{font-size:1.6rem;width:14rem;letter-spacing:.1rem}video{max-width:100%}`;

/**
 * The only script: refreshes the overview every few seconds (the page works without it, a
 * <noscript> refresh does the same), and scans QR codes on the check-in page where the browser has
 * BarcodeDetector and a camera.
 */
export const deskJs = `(() => {
  const live = document.querySelector('[data-live]');
  if (live) {
    const refresh = async () => {
      try {
        const response = await fetch(live.getAttribute('data-live'), { credentials: 'same-origin', headers: { accept: 'text/html' } });
        if (response.ok) live.innerHTML = await response.text();
      } catch {}
    };
    setInterval(refresh, Number(live.getAttribute('data-every') || '3000'));
  }
  const scan = document.querySelector('[data-scan]');
  if (scan && 'BarcodeDetector' in window && navigator.mediaDevices) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Scan QR-code met de camera';
    scan.before(button);
    button.addEventListener('click', async () => {
      const video = document.createElement('video');
      video.setAttribute('playsinline', '');
      button.after(video);
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      await video.play();
      const detector = new BarcodeDetector({ formats: ['qr_code'] });
      const look = async () => {
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length > 0) {
          stream.getTracks().forEach((t) => t.stop());
          scan.querySelector('input[name=code]').value = codes[0].rawValue;
          scan.submit();
          return;
        }
        requestAnimationFrame(look);
      };
      look();
    });
  }
})();
`;
