// toUpperCase/toLowerCase beyond Latin-1: Greek, Cyrillic, Latin Extended, special
// expansions and characters whose mapping changes the length.
const words = ['Ελληνικά', 'ΟΔΥΣΣΕΥΣ', 'Русский', 'ПРИВЕТ мир', 'Łódź', 'ĞÜŞİÖÇ', 'Ǆǅǆ', 'ŉ', 'ﬀﬁ', 'Ꭰ', 'ǰ', 'ΐ', 'Ὰ', 'Ⓐⓑ', 'Ａｂｃ', 'ς', 'ȿ'];
for (const w of words) console.log(w, w.toUpperCase(), w.toLowerCase(), w.length, w.toUpperCase().length, w.toLowerCase().length);
console.log('İ'.toLowerCase().length, 'İ'.toLowerCase().charCodeAt(1), 'ß'.toUpperCase(), 'ẞ'.toLowerCase(), 'ǅ'.toUpperCase(), 'ǅ'.toLowerCase());
const names = ['Zoë', 'émile', 'Ösel', 'ångström', 'Ωmega', 'ярослав'];
console.log(names.map((n) => n[0].toUpperCase() + n.slice(1)), names.map((n) => n.toUpperCase()).sort());
console.log('STRASSE' === 'straße'.toUpperCase(), 'σ'.toUpperCase() === 'ς'.toUpperCase(), 'ΣΑΣ'.toLowerCase());
