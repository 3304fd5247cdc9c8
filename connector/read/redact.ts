// What a trading system says goes on to the board and the logs; the secrets the connector sends
// it must not come back that way ("invalid token 'abc…'"). Every loaded secret is blanked out.
export function redactor(secrets: Record<string, string>): (text: string) => string {
  // Short values would blank out ordinary words; a secret is never that short in practice.
  const values = Object.values(secrets)
    .filter((v) => v.length >= 6)
    .sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.split(secret).join('[secret]'), text);
}
