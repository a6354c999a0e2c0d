// A bank with an account class hierarchy, domain errors, transfers with rollback, interest
// in integer cents, a transaction ledger and a monthly statement.
class BankError extends Error { constructor(message: string) { super(message); this.name = new.target.name; } }
class InsufficientFunds extends BankError {
  constructor(public account: string, public needed: number, public available: number) {
    super(`${account}: insufficient funds (needed ${fmt(needed)}, available ${fmt(available)})`);
  }
}
class AccountFrozen extends BankError { constructor(account: string) { super(`${account} is frozen`); } }
class InvalidAmount extends BankError { constructor(amount: number) { super(`invalid amount: ${amount}`); } }
function fmt(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
type Tx = { seq: number; account: string; kind: string; amount: number; balance: number };
class Ledger {
  private txs: Tx[] = [];
  private seq = 0;
  record(account: string, kind: string, amount: number, balance: number) { this.txs.push({ seq: ++this.seq, account, kind, amount, balance }); }
  forAccount(id: string) { return this.txs.filter((t) => t.account === id); }
  get count() { return this.txs.length; }
}
abstract class Account {
  static #nextId = 1000;
  readonly id: string;
  #balance = 0;
  frozen = false;
  constructor(public owner: string, protected ledger: Ledger) { this.id = `${this.prefix()}-${Account.#nextId++}`; }
  protected abstract prefix(): string;
  get balance() { return this.#balance; }
  protected setBalance(v: number, kind: string, amount: number) { this.#balance = v; this.ledger.record(this.id, kind, amount, v); }
  protected check(amount: number) {
    if (this.frozen) throw new AccountFrozen(this.id);
    if (!Number.isInteger(amount) || amount <= 0) throw new InvalidAmount(amount);
  }
  deposit(amount: number) { this.check(amount); this.setBalance(this.#balance + amount, 'deposit', amount); return this; }
  withdraw(amount: number) {
    this.check(amount);
    const limit = this.available();
    if (amount > limit) throw new InsufficientFunds(this.id, amount, limit);
    this.setBalance(this.#balance - amount, 'withdraw', -amount);
    return this;
  }
  available() { return this.#balance; }
  monthEnd(): void {}
  toString() { return `${this.constructor.name}(${this.id}, ${this.owner}, ${fmt(this.balance)})`; }
}
class Checking extends Account {
  constructor(owner: string, ledger: Ledger, private overdraft = 0) { super(owner, ledger); }
  protected prefix() { return 'CHK'; }
  available() { return super.available() + this.overdraft; }
  monthEnd() { if (this.balance < 0) this.setBalance(this.balance - 1500, 'overdraft fee', -1500); }
}
class Savings extends Account {
  private withdrawals = 0;
  constructor(owner: string, ledger: Ledger, private rateBp: number) { super(owner, ledger); }
  protected prefix() { return 'SAV'; }
  withdraw(amount: number) {
    if (this.withdrawals >= 2) throw new BankError(`${this.id}: withdrawal limit reached`);
    super.withdraw(amount);
    this.withdrawals++;
    return this;
  }
  monthEnd() {
    const interest = Math.round((this.balance * this.rateBp) / 10000 / 12);
    if (interest > 0) this.setBalance(this.balance + interest, 'interest', interest);
    this.withdrawals = 0;
  }
}
class Bank {
  ledger = new Ledger();
  accounts = new Map<string, Account>();
  open<A extends Account>(make: (l: Ledger) => A): A { const a = make(this.ledger); this.accounts.set(a.id, a); return a; }
  get(id: string) { const a = this.accounts.get(id); if (!a) throw new BankError(`no such account ${id}`); return a; }
  transfer(from: string, to: string, amount: number) {
    const a = this.get(from), b = this.get(to);
    a.withdraw(amount);
    try { b.deposit(amount); } catch (e) { a.deposit(amount); throw new BankError(`transfer rolled back: ${(e as Error).message}`); }
  }
  total() { let t = 0; for (const a of this.accounts.values()) t += a.balance; return t; }
}
const bank = new Bank();
const alice = bank.open((l) => new Checking('Alice', l, 5000));
const aliceSav = bank.open((l) => new Savings('Alice', l, 240));
const bob = bank.open((l) => new Checking('Bob', l));
const ops: [string, () => unknown][] = [
  ['alice deposits 120.00', () => alice.deposit(12000)],
  ['alice saves 1000.00', () => aliceSav.deposit(100000)],
  ['bob deposits 15.50', () => bob.deposit(1550)],
  ['bob withdraws 20.00', () => bob.withdraw(2000)],
  ['alice withdraws 150.00', () => alice.withdraw(15000)],
  ['alice withdraws 30.01', () => alice.withdraw(3001)],
  ['deposit -5', () => bob.deposit(-5)],
  ['deposit 1.5 cents', () => bob.deposit(1.5)],
  ['transfer sav->bob 50', () => bank.transfer(aliceSav.id, bob.id, 5000)],
  ['transfer sav->bob 1', () => bank.transfer(aliceSav.id, bob.id, 100)],
  ['transfer sav->bob 3rd', () => bank.transfer(aliceSav.id, bob.id, 100)],
  ['freeze bob, transfer', () => { bob.frozen = true; bank.transfer(alice.id, bob.id, 100); }],
  ['unknown account', () => bank.transfer('CHK-1', bob.id, 100)],
];
for (const [label, op] of ops) {
  try { op(); console.log(label.padEnd(24), 'ok'); } catch (e) {
    if (!(e instanceof BankError)) throw e;
    const extra = e instanceof InsufficientFunds ? ` [short by ${fmt(e.needed - e.available)}]` : '';
    console.log(label.padEnd(24), `${e.name}: ${e.message}${extra}`);
  }
}
bob.frozen = false;
for (const a of bank.accounts.values()) a.monthEnd();
for (const a of bank.accounts.values()) {
  console.log(String(a));
  for (const t of bank.ledger.forAccount(a.id)) console.log(`  #${String(t.seq).padStart(2, '0')} ${t.kind.padEnd(14)} ${fmt(t.amount).padStart(10)} ${fmt(t.balance).padStart(10)}`);
}
console.log('total', fmt(bank.total()), 'transactions', bank.ledger.count);
console.log([...bank.accounts.values()].map((a) => [a.id, a instanceof Checking, a instanceof Savings, a instanceof Account]));
