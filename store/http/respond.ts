// The store's answers: JSON, and problems as application/problem+json, replays included.
import { PROBLEM_JSON_TYPE, jsonResponder } from '../../http-kit/respond.ts';

export { HttpProblem } from '../../http-kit/respond.ts';

export const { sendJson, sendProblem, sendHttpProblem } = jsonResponder(PROBLEM_JSON_TYPE);
