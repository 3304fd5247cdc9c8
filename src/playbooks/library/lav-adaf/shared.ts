// Commands several lav-adaf playbooks share, written once.

export const HALT_ALL = `curl -X POST http://localhost:3003/api/emergency/halt-all \\
  -H "Authorization: Bearer \${EMERGENCY_TOKEN}"`;
