import { expect, test } from '@playwright/test';
import type { CheckRecord, Verdict } from '../../engine/evidence.ts';
import { judgeTest, type TestOutcome } from '../../engine/reporter/verdicts.ts';

const rec = (requirement: string, verdict: Verdict, extra: Partial<CheckRecord> = {}): CheckRecord =>
  ({ requirement, level: 'MUST', verdict, violations: [], exchanges: [], forcedByMock: false, ...extra }) as CheckRecord;

/** What a row expects of each requirement: its verdict, and its reason where one is given. */
type Expected = Record<string, Verdict | [Verdict, string]>;

const rows: { name: string; outcome: TestOutcome; expected: Expected }[] = [
  { name: 'a passing check of the named requirement passes it',
    outcome: { status: 'passed', declared: ['a'], records: [rec('a', 'pass')] }, expected: { a: 'pass' } },
  { name: 'a check of a requirement the test does not name still counts',
    outcome: { status: 'passed', declared: ['a'], records: [rec('a', 'pass'), rec('RFC', 'warn')] }, expected: { a: 'pass', RFC: 'warn' } },
  { name: 'a named requirement a passing test never checked fails as a suite defect',
    outcome: { status: 'passed', declared: ['a', 'b'], records: [rec('a', 'pass')] },
    expected: { a: 'pass', b: ['fail', 'the test names this requirement but never checked it (a suite defect)'] } },
  { name: 'after a failed check, the named requirements not reached are skipped, not failed',
    outcome: { status: 'failed', declared: ['a', 'b'], records: [rec('a', 'fail')], error: 'expect(received).toConform()' },
    expected: { a: 'fail', b: ['skip', 'not reached: an earlier check in this test failed'] } },
  { name: 'a test that crashed before checking fails what it names, with its error',
    outcome: { status: 'failed', declared: ['a', 'b'], records: [], error: 'TypeError: x is undefined' },
    expected: { a: ['fail', 'the test failed before checking it: TypeError: x is undefined'], b: ['fail', 'the test failed before checking it: TypeError: x is undefined'] } },
  { name: 'a test that crashed after its checks passed fails its first named requirement',
    outcome: { status: 'failed', declared: ['a', 'b'], records: [rec('a', 'pass'), rec('b', 'pass')], error: 'Error: cleanup threw' },
    expected: { a: ['fail', 'the test failed: Error: cleanup threw'], b: 'pass' } },
  { name: 'a timeout without an error message is named by its status',
    outcome: { status: 'timedOut', declared: ['a'], records: [] }, expected: { a: ['fail', 'the test failed before checking it: test timedOut'] } },
  { name: 'a skipped test skips what it names, with its reason and the variables that enable it; its records are not read',
    outcome: { status: 'skipped', declared: ['a'], records: [rec('a', 'fail')], skipReason: 'needs TRAQ_TOKEN', enabledBy: ['TRAQ_TOKEN'] },
    expected: { a: ['skip', 'needs TRAQ_TOKEN'] } },
  { name: 'an interrupted test keeps what it checked and skips the rest',
    outcome: { status: 'interrupted', declared: ['a', 'b'], records: [rec('a', 'fail')], error: 'interrupted' },
    expected: { a: 'fail', b: ['skip', 'not run to the end: the run was interrupted'] } },
  { name: 'the worst record decides; a skip never outranks a judgement and loses its reason to it',
    outcome: { status: 'passed', declared: ['a', 'b', 'c'], records: [rec('a', 'skip', { reason: 'no answer' }), rec('a', 'pass'), rec('b', 'pass'), rec('b', 'warn'), rec('b', 'pass'), rec('c', 'skip', { reason: 'no answer' }), rec('c', 'skip', { reason: 'later' })] },
    expected: { a: 'pass', b: 'warn', c: ['skip', 'no answer'] } },
];

for (const row of rows) {
  test(`verdicts: ${row.name}`, () => {
    const judged = judgeTest(row.outcome);
    const got = Object.fromEntries(judged.map((j) => [j.requirement, j.reason === undefined ? j.verdict : [j.verdict, j.reason]]));
    expect(got).toEqual(row.expected);
  });
}

test('verdicts: every record of a requirement is kept as its evidence, and one forced by the mock marks the result', () => {
  const [a] = judgeTest({ status: 'passed', declared: ['a'], records: [rec('a', 'pass'), rec('a', 'pass', { forcedByMock: true })] });
  expect(a).toMatchObject({ requirement: 'a', verdict: 'pass', forcedByMock: true });
  expect(a!.evidence).toHaveLength(2);
});

test('verdicts: only a skipped result names the variables that enable it', () => {
  const [skipped] = judgeTest({ status: 'skipped', declared: ['a'], records: [], enabledBy: ['X'] });
  const [passed] = judgeTest({ status: 'passed', declared: ['a'], records: [rec('a', 'pass')], enabledBy: ['X'] });
  expect(skipped!.enabledBy).toEqual(['X']);
  expect(passed!.enabledBy).toBeUndefined();
});
