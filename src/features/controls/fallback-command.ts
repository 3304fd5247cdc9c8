import type { Command } from '../../controls/command-machine.ts';
import { controlRequestBody } from '../../controls/send-control.ts';

/**
 * The command to run by hand when the dashboard cannot confirm a control: the same request with
 * the same idempotency key, so running it cannot execute the command a second time. The token is
 * left as a variable: it is never written out.
 */
export function fallbackCommand(command: Command, apiBaseUrl: string, origin: string): string {
  const url = new URL(`${apiBaseUrl}/controls/${command.controlId}`, origin).href;
  const json = JSON.stringify(controlRequestBody(command)).replaceAll("'", "'\\''");
  return [
    `curl -X POST '${url}'`,
    `-H "Authorization: Bearer $WARROOM_OPERATOR_TOKEN"`,
    `-H 'Idempotency-Key: ${command.key}'`,
    `-H 'content-type: application/json'`,
    `-d '${json}'`,
  ].join(' \\\n  ');
}
