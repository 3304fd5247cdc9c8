import type { Command } from '../../controls/command-machine.ts';
import { controlRequestBody } from '../../controls/send-control.ts';

/**
 * The command to run by hand when the dashboard cannot confirm a control: the same request with
 * the same idempotency key, so running it cannot execute the command a second time. It goes to the
 * war-room server like the button's, as a signed-in commander: the browser's session cookie cannot
 * be read (it is HttpOnly), so the command signs in first, with the password left as a variable.
 */
export function fallbackCommand(
  command: Command,
  apiBaseUrl: string,
  origin: string,
  sign: { storeBaseUrl: string; name: string },
): string {
  const url = new URL(`${apiBaseUrl}/controls/${command.controlId}`, origin).href;
  const session = new URL(`${sign.storeBaseUrl}/session`, origin).href;
  const own = new URL(origin).origin;
  const quote = (text: string) => text.replaceAll("'", "'\\''");
  const json = quote(JSON.stringify(controlRequestBody(command)));
  const name = quote(JSON.stringify(sign.name));
  const signIn = [
    `curl -c warroom.cookies '${session}'`,
    `-H 'Origin: ${own}'`,
    `-H 'content-type: application/json'`,
    `-d '{"name":${name},"password":"'"$WARROOM_PASSWORD"'"}'`,
  ].join(' \\\n  ');
  const send = [
    `curl -X POST -b warroom.cookies '${url}'`,
    `-H 'Origin: ${own}'`,
    `-H 'Idempotency-Key: ${command.key}'`,
    `-H 'content-type: application/json'`,
    `-d '${json}'`,
  ].join(' \\\n  ');
  return `${signIn}\n${send}`;
}
