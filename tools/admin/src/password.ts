/** Reading a password: typed at a terminal without echo, or the first line of piped standard input. Never an argument (it would show in `ps` and the shell's history). */

export class PasswordInputError extends Error {}

/** The person pressed Ctrl-C at the prompt. */
export class Interrupted extends Error {}

async function readAll(input: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** One line typed with nothing shown; backspace works, Ctrl-C gives up. */
function promptHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    // Echo goes off before the prompt shows, so nothing typed at once is echoed either.
    input.setRawMode(true);
    input.setEncoding('utf8');
    output.write(prompt);
    let value = '';
    const finish = (err?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      // An escape sequence (arrow keys, function keys) is no part of a password.
      if (chunk.startsWith('\u001b')) return;
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Interrupted('interrupted'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

/**
 * The new password: asked twice at a terminal (they must match), else read from
 * standard input (its first line, without the line break), e.g. `echo "$PW" | npm run admin -- …`.
 */
export async function readNewPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) {
    const [first] = (await readAll(input)).split(/\r?\n/);
    if (!first) throw new PasswordInputError('no password: type it at the prompt, or give it on the first line of standard input');
    return first;
  }
  const password = await promptHidden('Password: ', input, output);
  if (!password) throw new PasswordInputError('no password given');
  const again = await promptHidden('The same password again: ', input, output);
  if (again !== password) throw new PasswordInputError('the two passwords differ');
  return password;
}
