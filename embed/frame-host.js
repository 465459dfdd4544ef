// frame-host.js: copy it to the host site and load it on the page that holds
// <iframe data-consultation-response-frame src="https://forms.example/wipo-ai/?lang=zh-CN">.
// It sizes each such frame to its content and scrolls the page to what the person jumped to.
// A message counts only if it comes from that frame's own window and from the origin of its src;
// every other message is ignored.
addEventListener('message', (event) => {
  for (const frame of document.querySelectorAll('iframe[data-consultation-response-frame]')) {
    if (event.source !== frame.contentWindow) continue;
    const data = event.data;
    if (event.origin !== new URL(frame.src, location.href).origin || !data) return;
    const px = Number(data.height ?? data.top);
    if (!Number.isFinite(px) || px < 0 || px > 1e6) return;
    if (data.type === 'consultation-response:height') {
      // CSSOM, not a style attribute: allowed under a strict style-src.
      frame.style.height = `${Math.ceil(px)}px`;
    } else if (data.type === 'consultation-response:scroll') {
      scrollTo({ top: frame.getBoundingClientRect().top + scrollY + px - 16 });
    }
    return;
  }
});
