import { defineApi, SECOND_IDENTITY } from '../../engine/config/define.ts';

export default defineApi({
  name: 'traq',
  title: 'traQ v3 authentication',
  baseUrlExample: 'https://q.example.com/api/v3',
  variables: [
    { name: 'TRAQ_USERNAME', secret: false, required: true, mock: 'conformance-user' },
    { name: 'TRAQ_PASSWORD', secret: true, required: true, mock: 'mock-password-0' },
    { name: 'TRAQ_SUSPENDED_USERNAME', secret: false, required: false, enables: 'login 403 for a suspended account', mock: 'suspended-user' },
    { name: 'TRAQ_SUSPENDED_PASSWORD', secret: true, required: false, enables: 'login 403 for a suspended account', mock: 'mock-password-1' },
    { name: 'TRAQ_LINKABLE_PROVIDER', secret: false, required: false, enables: 'linkExternalAccount 302', mock: 'github' },
    { name: 'TRAQ_LINKED_PROVIDER', secret: false, required: false, enables: 'unlinkExternalAccount 204 (also needs CONFORMANCE_ALLOW_DESTRUCTIVE=1)', mock: 'google' },
    { name: 'TRAQ_TOKEN', secret: true, required: false, enables: 'bearer-token access to the /users/me operations', mock: 'mock-bearer-token' },
    { name: 'TRAQ_SECOND_USERNAME', secret: false, required: false, enables: SECOND_IDENTITY, mock: 'second-user' },
    { name: 'TRAQ_SECOND_PASSWORD', secret: true, required: false, enables: SECOND_IDENTITY, mock: 'mock-password-2' },
  ],
});
