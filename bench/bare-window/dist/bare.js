// Painted: tell the shell, as the app's UI does (ui/src/lib/ready.ts). A click changes one line.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('ui_ready')));
let clicks = 0;
document.getElementById('probe').addEventListener('click', () => {
  clicks += 1;
  document.getElementById('clicks').textContent = String(clicks);
});
