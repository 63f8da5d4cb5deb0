import { DangerDetector } from '../libs/nlu/src/index.js';
import { CUES, normalise, mask, MASK_ZH, MASK_EN, ALARM_STRONG_RE, ALARM_WEAK_RE } from '../libs/nlu/src/danger.cues.js';
const det = new DangerDetector();
for (const t of process.argv.slice(2)) {
  const a = det.assess(t);
  const m = mask(mask(normalise(t), MASK_ZH), MASK_EN);
  const cands: string[] = [];
  for (const c of CUES) { c.re.lastIndex = 0; for (let x = c.re.exec(m); x; x = c.re.exec(m)) { if (!x[0]) { c.re.lastIndex++; continue; } cands.push(`${c.family}/${c.strength}:${x[0]}`); } }
  const al: string[] = [];
  for (const re of [ALARM_STRONG_RE, ALARM_WEAK_RE]) { re.lastIndex = 0; for (let x = re.exec(m); x; x = re.exec(m)) { if (!x[0]) { re.lastIndex++; continue; } al.push(x[0]); } }
  console.log(`${a.level} | ${t.slice(0, 50)}\n   masked: ${m.slice(0, 80)}\n   cands: ${cands.join(' ; ')} | alarms: ${al.join(',')} | kept: ${a.signals.map((s) => s.family + '/' + s.strength + ':' + s.text).join(' ; ')}`);
}
