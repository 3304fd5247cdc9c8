// Commands several hft playbooks share, written once.

export const API = 'http://localhost:8080/api/v1';

export const PSQL = 'psql -h localhost -U hft_user -d hft_db';
