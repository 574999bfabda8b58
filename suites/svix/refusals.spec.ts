import { refusalTests } from '../../engine/refusals.ts';
import { LATEST, test, unknownAppId } from './fixtures.ts';

/**
 * The 401s the contract's security calls for (engine/refusals.ts). Expire-all names an application
 * that does not exist, so that a server which wrongly served it would expire nothing; without
 * credentials there is no organisation to look an application up in, so no conforming server can
 * answer 404 instead.
 */
const refusals = refusalTests(test, {
  api: 'svix',
  request: ({ flows, data }, operationId) => ({
    dashboardAccess: { params: { app_id: flows.appId } },
    expireAll: { params: { app_id: unknownAppId(data) }, json: LATEST },
    logout: {},
  })[operationId],
});

// Registered here, so that each test (and its failure) points at this file.
for (const group of refusals) test.describe(group.title, () => group.tests.forEach((r) => test(r.title, r.details, r.body)));
