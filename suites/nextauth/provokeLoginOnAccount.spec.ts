import { expect, req, test } from './fixtures.ts';
import { PUSHES, pushTests } from './pushes.ts';

test.describe('provokeLoginOnAccount  POST /servers/{serverid}/accounts/{accountid}/provokelogin', () => {
  pushTests(PUSHES.provokeLoginOnAccount).forEach((t) => test(t.title, t.details, t.body));

  test('400 when accountid is not an integer', { annotation: req('nextauth:provokeLoginOnAccount#400') }, async ({ nextauth, data }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 400, accountid: `cf-${data.string.alpha(10)}` })).toConform();
  });
});
