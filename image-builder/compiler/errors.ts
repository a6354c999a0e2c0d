/** A program the compiler rejects; the message starts with the original `file:line:col`. */
export class CompileError extends Error {
  override name = 'CompileError';
}
