// Draft files as the app writes them, made without the app: for tests and benchmarks that need
// many contributors' files. The draft inside carries a CRC-32 like the app's own files.
const CONSULTATION = 'wipo-ip-ai-2019';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

/** A draft file as the app writes it, from contributor `n`, answering every question in `ids`. */
export function draftFile(n, ids, areas) {
  const text = (id) => `${n} 号单位对 ${id} 的意见：`.padEnd(2000, '知识产权与人工智能。');
  const draft = JSON.stringify({
    format: 'consultation-response/draft',
    version: 2,
    consultation: CONSULTATION,
    saved_at: `2026-11-${String(1 + (n % 27)).padStart(2, '0')}T09:00:00.000Z`,
    answers: Object.fromEntries(ids.map((id) => [id, text(id)])),
    comments: Object.fromEntries(areas.map((area) => [area, text(area)])),
    respondent: { organisation: `第 ${n} 单位` },
    identity: `contributor-${n}`,
  });
  return JSON.stringify({
    format: 'consultation-response/draft-file',
    version: 1,
    consultation: CONSULTATION,
    checksum: `crc32:${crc32(draft)}`,
    draft,
  }, null, 2);
}
