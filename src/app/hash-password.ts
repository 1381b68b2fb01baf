import { hashPassword } from '../desk/index.ts';

/** Reads one password: from a terminal without echoing it, else the first line of stdin. */
async function readPassword(input: NodeJS.ReadStream, prompt: (text: string) => void): Promise<string> {
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  prompt('Password (not shown): ');
  input.setRawMode(true);
  input.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const onData = (key: string) => {
      for (const c of key) {
        if (c === '\r' || c === '\n' || c === '\u0004') {
          input.setRawMode(false);
          input.off('data', onData);
          input.pause();
          prompt('\n');
          resolve(typed);
          return;
        }
        if (c === '\u0003') process.exit(130);
        typed = c === '\u007f' ? typed.slice(0, -1) : typed + c;
      }
    };
    input.on('data', onData);
  });
}

/**
 * `npm run --silent admin -- hash-password [name]`: prints `name:hash` (or the hash) for
 * BALIE_ORGANISERS. The password comes from the terminal or stdin, never from the command line
 * (where `ps` and the shell history would keep it). Exit code 2 for a password under 10 characters.
 */
export async function runHashPassword(name: string | undefined, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (name !== undefined && !/^[A-Za-z0-9._-]{1,40}$/.test(name)) {
    err('admin: hash-password: a name is 1 to 40 letters, digits, dots, underscores or dashes');
    return 2;
  }
  const password = await readPassword(process.stdin, (text) => process.stderr.write(text));
  if (password.length < 10) {
    err('admin: hash-password: a password of at least 10 characters, please');
    return 2;
  }
  const hash = await hashPassword(password);
  out(name === undefined ? hash : `${name}:${hash}`);
  return 0;
}
