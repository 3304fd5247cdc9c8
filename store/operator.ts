// Password hashes and operators files for the war-room store, e.g.
//   WARROOM_OPERATOR_PASSWORD='…' npx node store/operator.ts hash
//   npx node store/operator.ts add --file ops.json --name dana --role commander --password-file pw.txt
// (npx runs the project's Node 24.) See docs/sign-in.md.
import { exitWithError } from '../http-kit/cli.ts';
import { runOperatorTool } from './auth/operator-tool.ts';

const result = await runOperatorTool(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
});
if (!result.ok) exitWithError('operator', result.error, 2);
