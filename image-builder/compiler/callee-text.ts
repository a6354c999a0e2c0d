// The text V8 puts before "is not a function" / "is not a constructor": it prints the
// callee expression from the source (its CallPrinter), not the value. The compiler renders
// it for every call site and the bytecode keeps it per call (format.ts, "callee names"), so
// the machine's TypeError says `o.a.b is not a function` exactly as Node does.
//
// The rules below were taken from Node 20's messages (see tests/compiler/callee-text.test.ts
// and the differential program error-callee-names.ts):
//   identifiers, this, literals (numbers as their value, strings in double quotes);
//   a.b, a?.b, a[key] (a string-literal key prints as .key; other keys are rendered);
//   f(...) for a call; (l op r) for binary and comma expressions; (op x) / (x++) for
//   unary ones ((void 0): esbuild writes undefined so); an assignment prints its target; [elements] for array literals; anything
//   V8 does not print (functions, classes, new, super, conditionals) is
//   "(intermediate value)". TypeScript-only wrappers (as, !, satisfies, <T>) and
//   parentheses are transparent.

import ts from 'typescript';

const INTERMEDIATE = '(intermediate value)';

export function calleeText(node: ts.Expression): string {
  const K = ts.SyntaxKind;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)
    || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
    return calleeText(node.expression);
  }
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPrivateIdentifier(node)) return node.text;
  switch (node.kind) {
    case K.ThisKeyword: return 'this';
    case K.NullKeyword: return 'null';
    case K.TrueKeyword: return 'true';
    case K.FalseKeyword: return 'false';
    case K.SuperKeyword: return INTERMEDIATE;
  }
  if (ts.isNumericLiteral(node)) return String(Number(node.text));
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return `"${node.text}"`;
  if (ts.isTemplateExpression(node)) return node.templateSpans.map((s) => calleeText(s.expression)).join('');
  if (ts.isPropertyAccessExpression(node)) {
    const object = calleeText(node.expression);
    if (ts.isPrivateIdentifier(node.name)) return `${object}[${node.name.text}]`;
    return `${object}${node.questionDotToken ? '?.' : '.'}${node.name.text}`;
  }
  if (ts.isElementAccessExpression(node)) {
    const object = calleeText(node.expression);
    const key = node.argumentExpression;
    if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return `${object}${node.questionDotToken ? '?.' : '.'}${key.text}`;
    return `${object}${node.questionDotToken ? '?.' : ''}[${calleeText(key)}]`;
  }
  if (ts.isCallExpression(node)) return `${calleeText(node.expression)}(...)`;
  if (ts.isPrefixUnaryExpression(node)) {
    if (node.operator === K.MinusToken && ts.isNumericLiteral(node.operand)) return String(-Number(node.operand.text));
    return `(${ts.tokenToString(node.operator)}${calleeText(node.operand)})`;
  }
  if (ts.isPostfixUnaryExpression(node)) return `(${calleeText(node.operand)}${ts.tokenToString(node.operator)})`;
  if (ts.isTypeOfExpression(node)) return `(typeof ${calleeText(node.expression)})`;
  if (ts.isVoidExpression(node)) return `(void ${calleeText(node.expression)})`;
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op >= K.FirstAssignment && op <= K.LastAssignment) return calleeText(node.left);
    return `(${calleeText(node.left)} ${ts.tokenToString(op)} ${calleeText(node.right)})`;
  }
  if (ts.isArrayLiteralExpression(node)) return `[${node.elements.map((e) => calleeText(e)).join(',')}]`;
  if (ts.isObjectLiteralExpression(node)) return node.properties.length === 0 ? '{}' : `{${node.properties.map(() => INTERMEDIATE).join(',')}}`;
  if (ts.isConditionalExpression(node)) return INTERMEDIATE.repeat(3);
  return INTERMEDIATE;
}
