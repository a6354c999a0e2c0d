// An uncaught instance of a subclass that keeps the name "Error": Node's inspect heads it "E2 [Error]".
class E2 extends Error {}
throw new E2('uncaught');
