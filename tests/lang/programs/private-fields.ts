class Account {
  #balance = 0;
  static #count = 0;
  constructor(initial: number) { this.#balance = initial; Account.#count++; }
  #check(n: number) { if (n > this.#balance) throw new RangeError('insufficient'); }
  withdraw(n: number) { this.#check(n); this.#balance -= n; return this.#balance; }
  static count() { return Account.#count; }
  static isAccount(o: any) { return #balance in o; }
  same(other: Account) { return this.#balance === other.#balance; }
}
const a = new Account(100);
console.log(a.withdraw(30), Account.count(), Account.isAccount(a), Account.isAccount({}));
try { a.withdraw(1000); } catch (e) { console.log((e as Error).name, (e as Error).message); }
console.log(a, a.same(new Account(70)));
try { Account.prototype.withdraw.call({}, 1); } catch (e) { console.log((e as Error).name); }
