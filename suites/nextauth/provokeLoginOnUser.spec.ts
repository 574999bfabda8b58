import { test } from './fixtures.ts';
import { PUSHES, pushTests } from './pushes.ts';

test.describe('provokeLoginOnUser  POST /servers/{serverid}/users/{userid}/provokelogin', () => {
  pushTests(PUSHES.provokeLoginOnUser).forEach((t) => test(t.title, t.details, t.body));
});
