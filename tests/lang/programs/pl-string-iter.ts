const s = 'a😀b';
console.log(s.length, [...s], s.codePointAt(1), Array.from(s).length);
for (const c of 'hi') console.log(c);
