console.log('Hello World'.toUpperCase(), 'ÀÉÎõü straße'.toUpperCase(), 'ÀÉÎ ABC'.toLowerCase());
console.log('abc'.concat('d', 1, true), String.fromCharCode(72, 105));
