// A text-adventure state machine driven by a scripted list of commands: rooms, items,
// locked doors, a parser with synonyms, and a final score.
type Dir = 'north' | 'south' | 'east' | 'west' | 'up' | 'down';
interface Room { name: string; desc: string; exits: Partial<Record<Dir, string>>; items: string[]; dark?: boolean; locked?: Partial<Record<Dir, string>> }
const rooms: Record<string, Room> = {
  hall: { name: 'Hall', desc: 'A dusty hall with a grand staircase.', exits: { north: 'library', east: 'kitchen', up: 'attic' }, items: ['umbrella'], locked: { up: 'brass key' } },
  library: { name: 'Library', desc: 'Shelves of crumbling books.', exits: { south: 'hall', east: 'study' }, items: ['candle', 'book'] },
  study: { name: 'Study', desc: 'A desk covered in papers.', exits: { west: 'library' }, items: ['brass key', 'letter'], dark: true },
  kitchen: { name: 'Kitchen', desc: 'Pots hang from hooks.', exits: { west: 'hall', down: 'cellar' }, items: ['matches', 'bread'] },
  cellar: { name: 'Cellar', desc: 'Cold and damp.', exits: { up: 'kitchen' }, items: ['wine'], dark: true },
  attic: { name: 'Attic', desc: 'Sunlight through a round window. A chest sits here.', exits: { down: 'hall' }, items: ['treasure'] },
};
const synonyms: Record<string, string> = { n: 'north', s: 'south', e: 'east', w: 'west', u: 'up', d: 'down', get: 'take', grab: 'take', l: 'look', i: 'inventory', inv: 'inventory' };
const state = { room: 'hall', inventory: [] as string[], moves: 0, lit: false, score: 0, over: false, log: [] as string[] };
const say = (s: string) => state.log.push(s);
function canSee(): boolean { return !rooms[state.room].dark || (state.lit && state.inventory.includes('candle')); }
function look() {
  const r = rooms[state.room];
  if (!canSee()) { say('It is pitch dark. You might be eaten by a grue.'); return; }
  say(`${r.name}: ${r.desc}`);
  if (r.items.length) say(`You see: ${r.items.join(', ')}.`);
  say(`Exits: ${Object.keys(r.exits).join(' ') || 'none'}.`);
}
const handlers: Record<string, (arg: string) => void> = {
  look: () => look(),
  inventory: () => say(state.inventory.length ? `You carry: ${state.inventory.slice().sort().join(', ')}.` : 'You are empty-handed.'),
  go: (dir) => {
    const r = rooms[state.room];
    const d = (synonyms[dir] ?? dir) as Dir;
    const target = r.exits[d];
    if (!target) { say(`You can't go ${dir || 'nowhere'}.`); return; }
    const need = r.locked?.[d];
    if (need && !state.inventory.includes(need)) { say(`The way ${d} is locked.`); return; }
    if (need) { say(`You unlock the way ${d} with the ${need}.`); delete r.locked![d]; state.score += 10; }
    state.room = target;
    state.moves++;
    look();
  },
  take: (item) => {
    const r = rooms[state.room];
    if (!canSee()) { say('You fumble around in the dark.'); return; }
    const idx = r.items.indexOf(item);
    if (idx < 0) { say(`There is no ${item || 'thing'} here.`); return; }
    r.items.splice(idx, 1);
    state.inventory.push(item);
    say(`Taken: ${item}.`);
    if (item === 'treasure') { state.score += 50; state.over = true; say('You found the treasure!'); }
    else state.score += 1;
  },
  drop: (item) => {
    const i = state.inventory.indexOf(item);
    if (i < 0) { say(`You don't have ${item}.`); return; }
    state.inventory.splice(i, 1);
    rooms[state.room].items.push(item);
    say(`Dropped: ${item}.`);
  },
  light: (item) => {
    if (item !== 'candle' || !state.inventory.includes('candle')) { say("You can't light that."); return; }
    if (!state.inventory.includes('matches')) { say('You have nothing to light it with.'); return; }
    if (state.lit) { say('The candle is already lit.'); return; }
    state.lit = true;
    state.score += 5;
    say('The candle flickers to life.');
  },
  read: (item) => {
    if (!state.inventory.includes(item)) { say(`You don't have ${item}.`); return; }
    const texts: Record<string, string> = { letter: '"The key opens the way up."', book: '"A Treatise on Grues", mostly illegible.' };
    say(texts[item] ?? `There is nothing written on the ${item}.`);
  },
};
function perform(line: string) {
  say(`> ${line}`);
  const words = line.trim().toLowerCase().split(' ').filter((w) => w !== '' && w !== 'the' && w !== 'a');
  if (words.length === 0) { say('Say something.'); return; }
  let [verb, ...rest] = words;
  verb = synonyms[verb] ?? verb;
  if (['north', 'south', 'east', 'west', 'up', 'down'].includes(verb)) { rest = [verb]; verb = 'go'; }
  const handler = handlers[verb];
  if (!handler) { say(`I don't know how to "${verb}".`); return; }
  handler(rest.join(' '));
}
const script = [
  'look', 'take umbrella', 'up', 'n', 'take candle', 'e', 'take key', 'w', 's', 'e', 'get matches', 'take the bread', 'd',
  'light candle', 'take wine', 'u', 'w', 'n', 'east', 'take brass key', 'take letter', 'read letter', 'read book', 'i', 'w', 's',
  'drop bread', 'look', 'dance', '', 'go sideways', 'up', 'take treasure', 'take treasure',
];
for (const cmd of script) {
  if (state.over) { say(`(ignored after the end: ${cmd})`); continue; }
  perform(cmd);
}
console.log(state.log.join('\n'));
console.log(`Score ${state.score} in ${state.moves} moves; carrying ${state.inventory.length} items; hall has ${rooms.hall.items.join(',')}`);
