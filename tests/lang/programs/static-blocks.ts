class Config {
  static values: string[] = [];
  static {
    Config.values.push('first');
    const local = 'scoped';
    this.values.push(local);
  }
  static later = Config.values.length;
  static { this.values.push('third'); }
}
console.log(Config.values, Config.later);
