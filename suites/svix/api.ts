import { defineApi, SECOND_IDENTITY } from '../../engine/config/define.ts';

export default defineApi({
  name: 'svix',
  title: 'Svix authentication',
  baseUrlExample: 'https://api.svix.com (paths start with /api/v1)',
  variables: [
    { name: 'SVIX_TOKEN', secret: true, required: true, mock: 'testsk_mockOrganisationToken' },
    { name: 'SVIX_APP_ID', secret: false, required: true, mock: 'app_2mockApplication' },
    { name: 'SVIX_SECOND_APP_ID', secret: false, required: false, enables: SECOND_IDENTITY, mock: 'app_2mockSecondApplication' },
    { name: 'SVIX_PROBE_RATE_LIMIT', secret: false, required: false, enables: 'the 429 rate-limit probes, at most this many requests per operation, which reach a limit only below CONFORMANCE_MAX_RPS; off by default, so staging gets no load', mock: '10' },
  ],
});
