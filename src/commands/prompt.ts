/** docker's cli/command/prompt: the `[y/N]` confirmation of `network rm` (ingress) and `network prune`. */
import type { Deps } from '../deps.ts';
import { trimSpace } from '../go/strings.ts';

/**
 * prompt.ErrTerminated: SIGINT at a prompt. It is a "cancelled" error (it has Cancelled()),
 * which docker's main ends on without a message and with status 0; the commands return it at
 * once (`network rm` skips the networks left and its "exit status 1").
 */
class PromptTerminated extends Error {
  constructor() {
    super('prompt terminated');
  }
}

/**
 * prompt.Confirm: the message and " [y/N] " on stdout, then one line of stdin; "y" or "Y"
 * (surrounding spaces ignored) is yes, anything else, end of input or a read error is no.
 * SIGINT while waiting prints a newline and fails with PromptTerminated.
 */
function confirm(deps: Deps, message: string): Promise<boolean> {
  const stdin = deps.stdin;
  return new Promise((resolve, reject) => {
    let text = '';
    const cleanup = () => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', onEnd);
      stdin.pause();
      stopInterrupt?.();
    };
    const finish = (answer: string | undefined) => {
      cleanup();
      // bufio.Scanner's line: without "\n" and a trailing "\r"; TrimSpace and EqualFold "y".
      const line = (answer ?? '').replace(/\r$/, '');
      resolve(answer !== undefined && trimSpace(line).toLowerCase() === 'y');
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) finish(text.slice(0, nl));
    };
    // At EOF a last line without "\n" still counts; nothing at all is no answer.
    const onEnd = () => finish(text === '' ? undefined : text);
    // docker catches SIGINT for the whole command (signal.NotifyContext in main): the handler
    // is in place before the prompt is shown, so an interrupt right after it is not lost.
    const stopInterrupt = deps.onInterrupt?.(() => {
      cleanup();
      deps.stdout.write('\n');
      reject(new PromptTerminated());
    });
    deps.stdout.write(`${message} [y/N] `);
    // An earlier prompt may have read stdin to its end already: that is no answer.
    if ((stdin as { readableEnded?: boolean }).readableEnded === true) {
      finish(undefined);
      return;
    }
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onEnd);
    stdin.resume();
  });
}

/**
 * confirm, with SIGINT at the prompt as undefined: prompt.ErrTerminated is a "cancelled" error,
 * which docker's main ends on without a message and with status 0.
 */
export async function confirmUnlessInterrupted(deps: Deps, message: string): Promise<boolean | undefined> {
  try {
    return await confirm(deps, message);
  } catch (e) {
    if (e instanceof PromptTerminated) return undefined;
    throw e;
  }
}
